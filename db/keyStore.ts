/**
 * The per-user key store: where a person's private signing key lives, outside every case file.
 * A case file holds only public keys (people.public_key); whoever holds a private key here can
 * act, and sign the audit trail, as that person.
 *
 * Layout under the store's home (CASEFILE_HOME, else ~/.casefile; the desktop app uses its
 * userData folder):
 *   profiles/<person id>.json   { personId, caseId, name, publicKey, privateKey, createdAt }
 *                               folder mode 0700, files 0600: readable by this user only
 *   current.json                { cases: { <case id>: <person id> } }: who this user last acted
 *                               as in each case file, so the app opens as them next time
 * Injectable: tests and the desktop app pass their own home folder.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface StoredKey {
  personId: string;
  /** The case file the person belongs to (people ids are per case file). */
  caseId: string;
  name: string;
  /** PEM (SPKI) */
  publicKey: string;
  /** PEM (PKCS#8), never written into a case file. */
  privateKey: string;
  createdAt: string;
}

export interface KeyStore {
  /** The folder it keeps its files in, for messages. */
  readonly home: string;
  get(personId: string): StoredKey | null;
  put(key: StoredKey): void;
  /** The keys held for one case file. */
  forCase(caseId: string): StoredKey[];
  lastProfile(caseId: string): string | null;
  rememberProfile(caseId: string, personId: string): void;
}

export class KeyStoreError extends Error {
  override name = 'KeyStoreError';
}

export function defaultKeyStoreHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.CASEFILE_HOME?.trim() ? env.CASEFILE_HOME : join(homedir(), '.casefile');
}

const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;

function isStoredKey(v: unknown): v is StoredKey {
  if (typeof v !== 'object' || v === null) return false;
  const k = v as Record<string, unknown>;
  return ['personId', 'caseId', 'name', 'publicKey', 'privateKey', 'createdAt'].every((f) => typeof k[f] === 'string');
}

/** Write a file readable by this user only, atomically (a crash never leaves half a key). */
function writePrivate(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  chmodSync(tmp, 0o600); // mode is ignored when the file already existed
  renameSync(tmp, path);
}

export function fileKeyStore(home: string = defaultKeyStoreHome()): KeyStore {
  const profilesDir = join(home, 'profiles');
  const currentPath = join(home, 'current.json');

  const fail = (what: string, e: unknown): never => {
    throw new KeyStoreError(`Could not ${what} in the key store at ${home}: ${(e as Error).message}. Set CASEFILE_HOME to a folder you can write to.`);
  };
  const ensureDirs = () => {
    try {
      mkdirSync(profilesDir, { recursive: true, mode: 0o700 });
      chmodSync(home, 0o700);
      chmodSync(profilesDir, 0o700);
    } catch (e) {
      fail('create its folders', e);
    }
  };
  const keyPath = (personId: string) => {
    if (!SAFE_ID.test(personId)) throw new KeyStoreError(`Not a person id: ${JSON.stringify(personId)}`);
    return join(profilesDir, `${personId}.json`);
  };
  const readCurrent = (): Record<string, string> => {
    try {
      const data = JSON.parse(readFileSync(currentPath, 'utf8')) as { cases?: unknown };
      return typeof data.cases === 'object' && data.cases !== null ? (data.cases as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const read = (path: string): StoredKey | null => {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      return null;
    }
    return isStoredKey(data) ? data : null;
  };

  return {
    home,
    get(personId) {
      const path = keyPath(personId);
      return existsSync(path) ? read(path) : null;
    },
    put(key) {
      ensureDirs();
      try {
        writePrivate(keyPath(key.personId), JSON.stringify(key, null, 2));
      } catch (e) {
        fail(`save the key of ${key.name}`, e);
      }
    },
    forCase(caseId) {
      if (!existsSync(profilesDir)) return [];
      return readdirSync(profilesDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => read(join(profilesDir, f)))
        .filter((k): k is StoredKey => k !== null && k.caseId === caseId);
    },
    lastProfile(caseId) {
      const id = readCurrent()[caseId];
      return typeof id === 'string' ? id : null;
    },
    rememberProfile(caseId, personId) {
      ensureDirs();
      try {
        writePrivate(currentPath, JSON.stringify({ cases: { ...readCurrent(), [caseId]: personId } }, null, 2));
      } catch (e) {
        fail('remember the current profile', e);
      }
    },
  };
}
