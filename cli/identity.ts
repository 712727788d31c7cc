/**
 * The global `--as NAME` option: which profile a command acts as (and signs with). Taken out of
 * the arguments by cli/main.ts before the command parses its own, so it may stand anywhere:
 *   casefile --as "Amira Haddad" import airwars DIR FILE
 *   casefile serve FILE --as=Amira
 * Without it, commands that write record changes unsigned under the user's name, and
 * `serve` opens as whoever this user last acted as in that case file.
 */
import { fileKeyStore, type KeyStore } from '../db/keyStore';
import { UsageError } from './args';

let actingAs: string | null = null;
let store: KeyStore | null = null;

/** Remove `--as NAME` / `--as=NAME` from argv; return the rest and the name (null when absent). */
export function takeAsOption(argv: readonly string[]): { argv: string[]; as: string | null } {
  const rest: string[] = [];
  let as: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    let value: string | undefined;
    if (a === '--as') {
      value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError('--as needs the name of a person in the case file, e.g. --as "Amira Haddad".');
    } else if (a.startsWith('--as=')) {
      value = a.slice('--as='.length);
    } else {
      rest.push(a);
      continue;
    }
    if (!value.trim()) throw new UsageError('--as needs the name of a person in the case file, e.g. --as "Amira Haddad".');
    if (as !== null) throw new UsageError('--as is given twice; act as one person at a time.');
    as = value.trim();
  }
  return { argv: rest, as };
}

export function setActingAs(name: string | null): void {
  actingAs = name;
}

export function getActingAs(): string | null {
  return actingAs;
}

/** This user's key store (CASEFILE_HOME, else ~/.casefile), read when first needed. */
export function userKeyStore(): KeyStore {
  store ??= fileKeyStore();
  return store;
}

/** For tests: forget the cached store, e.g. after changing CASEFILE_HOME. */
export function resetKeyStore(): void {
  store = null;
}
