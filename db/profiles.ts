/**
 * Local profiles: who is acting in this case file. A profile is a person in the case file
 * (people: name, role, public key) whose private key this user holds in their key store
 * (db/keyStore.ts). Acting as a profile sets the handle's actor to the person's name and
 * makes every audit entry carry their signature (db/audit.ts).
 *
 * The session (serve, the desktop app) holds one handle; switching changes who acts and signs
 * for every later call. The choice is remembered per case file in the key store, so the app
 * opens as the same person next time.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelOutput, ChannelParsedInput } from '../shared/contract';
import { ROLES, type Role } from '../shared/domain';
import { change } from './audit';
import { readMeta, type CaseFile } from './casefile';
import { HandlerError } from './errors';
import type { ActingProfile } from './identity';
import type { KeyStore, StoredKey } from './keyStore';
import { generateSigningKeys, hashSigner, keyFingerprint, publicKeyOf } from './signing';

interface PersonRow {
  id: string;
  name: string;
  role: Role;
  public_key: string | null;
  created_at: string;
}

export type ProfileInfo = ChannelOutput<'profile:list'>['people'][number];

function caseId(cf: CaseFile): string {
  return readMeta(cf).case_id ?? '';
}

function keyStoreOf(cf: CaseFile): KeyStore {
  if (!cf.keyStore) {
    throw new HandlerError('refused', 'This session has no key store, so no profile can be used. Open the case file from the app or the casefile command.');
  }
  return cf.keyStore;
}

function person(cf: CaseFile, id: string): PersonRow | undefined {
  return cf.db.prepare('SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
}

/** The private key this user holds for a person, when it matches the key the case file records. */
function usableKey(cf: CaseFile, p: PersonRow): StoredKey | null {
  if (!cf.keyStore || !p.public_key) return null;
  const stored = cf.keyStore.get(p.id);
  if (!stored) return null;
  try {
    return publicKeyOf(stored.privateKey).trim() === p.public_key.trim() ? stored : null;
  } catch {
    return null;
  }
}

function info(cf: CaseFile, p: PersonRow): ProfileInfo {
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    hasKey: usableKey(cf, p) !== null,
    fingerprint: p.public_key ? keyFingerprint(p.public_key) : null,
    createdAt: p.created_at,
    current: cf.profile?.id === p.id,
  };
}

function acting(p: PersonRow, key: StoredKey): ActingProfile {
  return { id: p.id, name: p.name, role: p.role, sign: hashSigner(key.privateKey) };
}

/** Act as the person with this id: refused unless this user holds their key. */
export function actAs(cf: CaseFile, personId: string): ProfileInfo {
  const p = person(cf, personId);
  if (!p) throw new HandlerError('not_found', `No person with id ${personId} in this case file.`);
  const key = usableKey(cf, p);
  if (!key) {
    const why = p.public_key ? 'their private key is not in your key store on this computer' : 'they have no signing key in this case file';
    throw new HandlerError('refused', `You cannot act as ${p.name}: ${why}. Create your own profile instead.`);
  }
  cf.profile = acting(p, key);
  cf.actor = p.name;
  return info(cf, p);
}

/** `--as NAME`: act as the person of that name (any case), with a clear error otherwise. */
export function actAsName(cf: CaseFile, name: string): ProfileInfo {
  const p = cf.db.prepare('SELECT * FROM people WHERE name = ? COLLATE NOCASE').get(name.trim()) as PersonRow | undefined;
  if (!p) {
    const names = (cf.db.prepare('SELECT name FROM people ORDER BY name').all() as { name: string }[]).map((r) => r.name);
    const known = names.length ? `People in it: ${names.join(', ')}.` : 'It has no people yet: create a profile in the app first.';
    throw new HandlerError('not_found', `--as ${name}: no person of that name in this case file. ${known}`);
  }
  if (!usableKey(cf, p)) {
    const where = cf.keyStore ? cf.keyStore.home : 'no key store';
    throw new HandlerError('refused', `--as ${p.name}: you hold no signing key for ${p.name} in your key store (${where}); only the person who created that profile can act as them.`);
  }
  return actAs(cf, p.id);
}

/** On opening: act as whoever this user last acted as in this case file, if they still can. */
export function restoreProfile(cf: CaseFile): ProfileInfo | null {
  const last = cf.keyStore?.lastProfile(caseId(cf));
  if (!last) return null;
  const p = person(cf, last);
  if (!p || !usableKey(cf, p)) return null;
  return actAs(cf, p.id);
}

/** Stop acting as a profile (changes are recorded under the plain actor name, unsigned). */
export function clearProfile(cf: CaseFile, actor: string): void {
  cf.profile = null;
  cf.actor = actor;
}

export function currentProfile(cf: CaseFile): ChannelOutput<'profile:current'> {
  const p = cf.profile ? person(cf, cf.profile.id) : undefined;
  return { profile: p ? info(cf, p) : null, actor: cf.actor, keyStore: cf.keyStore?.home ?? null };
}

export function listProfiles(cf: CaseFile): ChannelOutput<'profile:list'> {
  const rows = cf.db.prepare('SELECT * FROM people ORDER BY name COLLATE NOCASE').all() as PersonRow[];
  return { people: rows.map((p) => info(cf, p)) };
}

/**
 * A new person with a new key pair: the private key goes to this user's key store (first, so
 * a person is never recorded whose key was lost), the public key into the case file, and the
 * person's own first audit entry is signed with it. The new profile becomes the current one.
 */
export function createProfile(cf: CaseFile, input: ChannelParsedInput<'profile:create'>): ProfileInfo {
  const store = keyStoreOf(cf);
  if (!ROLES.includes(input.role)) throw new HandlerError('invalid_input', `Unknown role ${input.role}.`);
  const taken = cf.db.prepare('SELECT name FROM people WHERE name = ? COLLATE NOCASE').get(input.name) as { name: string } | undefined;
  if (taken) {
    throw new HandlerError('conflict', `${taken.name} is already a person in this case file; choose another name.`, [
      { path: 'name', message: 'This name is taken' },
    ]);
  }
  const id = randomUUID();
  const keys = generateSigningKeys();
  const createdAt = cf.now();
  store.put({ personId: id, caseId: caseId(cf), name: input.name, ...keys, createdAt });
  const row: PersonRow = { id, name: input.name, role: input.role, public_key: keys.publicKey, created_at: createdAt };
  const previous = { profile: cf.profile ?? null, actor: cf.actor };
  cf.profile = acting(row, { personId: id, caseId: caseId(cf), name: input.name, ...keys, createdAt });
  cf.actor = input.name;
  try {
    change(cf, `Profile created: ${input.name} (${input.role})`, (w) => w.insert('people', { ...row }));
  } catch (e) {
    cf.profile = previous.profile;
    cf.actor = previous.actor;
    throw e;
  }
  store.rememberProfile(caseId(cf), id);
  return info(cf, row);
}

export function switchProfile(cf: CaseFile, input: ChannelParsedInput<'profile:switch'>): ProfileInfo {
  keyStoreOf(cf);
  const chosen = actAs(cf, input.id);
  cf.keyStore?.rememberProfile(caseId(cf), chosen.id);
  return chosen;
}

/** The demo's people: keys made here, private halves stored for this user (db/demo/seed.ts). */
export function demoPersonKeys(cf: CaseFile, personId: string, name: string, createdAt: string): string | null {
  if (!cf.keyStore) return null;
  const keys = generateSigningKeys();
  cf.keyStore.put({ personId, caseId: caseId(cf), name, ...keys, createdAt });
  return keys.publicKey;
}

/** The demo case opens as its investigator the first time. */
export function rememberDemoProfile(cf: CaseFile, personId: string): void {
  if (cf.keyStore && cf.db.prepare('SELECT public_key FROM people WHERE id = ?').pluck().get(personId)) {
    cf.keyStore.rememberProfile(caseId(cf), personId);
  }
}
