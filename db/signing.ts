/**
 * Ed25519 signatures (node:crypto) for the audit trail: a person signs each audit entry's hash
 * with the private key in their key store; anyone verifies it with the public key the case
 * file recorded for them.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export interface SigningKeys {
  publicKey: string;
  privateKey: string;
}

export function generateSigningKeys(): SigningKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** A signer for one private key: the key is parsed once, not per entry. */
export function hashSigner(privateKeyPem: string): (hash: string) => string {
  const key: KeyObject = createPrivateKey(privateKeyPem);
  return (hash) => sign(null, Buffer.from(hash, 'utf8'), key).toString('base64');
}

export function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
}

/** Parsed public keys: a trail holds thousands of entries by a handful of people. */
const publicKeys = new Map<string, KeyObject>();

function publicKeyObject(pem: string): KeyObject {
  let key = publicKeys.get(pem);
  if (!key) {
    key = createPublicKey(pem);
    if (publicKeys.size > 1000) publicKeys.clear();
    publicKeys.set(pem, key);
  }
  return key;
}

/** False for a wrong signature, and for a key or signature that cannot even be read. */
export function verifyHashSignature(publicKeyPem: string, hash: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(hash, 'utf8'), publicKeyObject(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** A short, stable name for a public key: the first 16 hex digits of the SHA-256 of its DER form. */
export function keyFingerprint(publicKeyPem: string): string {
  try {
    const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
    return createHash('sha256').update(der).digest('hex').slice(0, 16).replace(/(.{4})(?!$)/g, '$1 ');
  } catch {
    return 'unreadable key';
  }
}
