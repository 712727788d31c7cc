/**
 * Redaction profiles: the built-in `publication` and `internal` rule sets, and named custom
 * profiles kept in the case file (meta rows `bundle_profile:<name>`, written through change(),
 * so creating or editing one is audited like any other change; no migration is needed).
 */
import { redactionRulesSchema, type BundleProfile, type RedactionRules } from '../../shared/contracts/bundle';
import { change } from '../audit';
import type { CaseFile } from '../casefile';
import { HandlerError } from '../errors';

export const PUBLICATION_RULES: RedactionRules = {
  statuses: ['published'],
  removeInternalNotes: true,
  unnameSensitiveVictims: true,
  withholdSensitivePersonal: true,
  withholdSensitiveGraphic: true,
  includeCaptures: true,
  stripImageMetadata: true,
  includeAuditLog: false,
  includeDataProblems: false,
  includeReviewComments: false,
  includeStaffNames: false,
};

export const INTERNAL_RULES: RedactionRules = {
  statuses: null,
  removeInternalNotes: false,
  unnameSensitiveVictims: false,
  withholdSensitivePersonal: false,
  withholdSensitiveGraphic: false,
  includeCaptures: true,
  stripImageMetadata: false,
  includeAuditLog: true,
  includeDataProblems: true,
  includeReviewComments: true,
  includeStaffNames: true,
};

export const BUILT_IN_PROFILES: readonly BundleProfile[] = [
  {
    name: 'publication',
    builtIn: true,
    description:
      'For the public: published incidents only; no internal notes, review comments, audit log, data problems or staff names; sensitive victims counted but not named; sources marked personal or graphic withheld with their captures; image metadata (EXIF, GPS) stripped.',
    rules: PUBLICATION_RULES,
  },
  {
    name: 'internal',
    builtIn: true,
    description: 'For colleagues: everything in the case file at full fidelity (the search index, which is derived, is left out).',
    rules: INTERNAL_RULES,
  },
];

const PREFIX = 'bundle_profile:';

interface Stored {
  description: string;
  rules: unknown;
}

function customProfiles(cf: CaseFile): BundleProfile[] {
  const rows = cf.db.prepare("SELECT key, value FROM meta WHERE key LIKE 'bundle_profile:%' ORDER BY key").all() as { key: string; value: string }[];
  const out: BundleProfile[] = [];
  for (const r of rows) {
    const name = r.key.slice(PREFIX.length);
    let stored: Stored;
    try {
      stored = JSON.parse(r.value) as Stored;
    } catch {
      continue;
    }
    const rules = redactionRulesSchema.safeParse(stored.rules);
    // A profile saved by a newer version with rules this one does not know is not offered.
    if (rules.success) out.push({ name, builtIn: false, description: String(stored.description ?? ''), rules: rules.data });
  }
  return out;
}

export function listBundleProfiles(cf: CaseFile): BundleProfile[] {
  return [...BUILT_IN_PROFILES, ...customProfiles(cf)];
}

export function findBundleProfile(cf: CaseFile, name: string): BundleProfile {
  const all = listBundleProfiles(cf);
  const p = all.find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
  if (!p) throw new HandlerError('not_found', `No bundle profile named "${name}". Profiles: ${all.map((x) => x.name).join(', ')}.`);
  return p;
}

export function saveBundleProfile(cf: CaseFile, input: { name: string; description: string; rules: RedactionRules }): BundleProfile {
  const name = input.name.trim();
  if (BUILT_IN_PROFILES.some((b) => b.name.toLowerCase() === name.toLowerCase())) {
    throw new HandlerError('refused', `"${name}" is a built-in profile and cannot be changed; save your rules under another name.`, [{ path: 'name', message: 'Built-in profile' }]);
  }
  const existing = customProfiles(cf).find((p) => p.name.toLowerCase() === name.toLowerCase());
  const key = `${PREFIX}${existing?.name ?? name}`;
  const value = JSON.stringify({ description: input.description, rules: input.rules });
  change(cf, `${existing ? 'Bundle profile changed' : 'Bundle profile created'}: ${name}`, (w) => {
    if (w.get('meta', { key })) w.update('meta', { key }, { value });
    else w.insert('meta', { key, value });
  });
  return { name: existing?.name ?? name, builtIn: false, description: input.description, rules: input.rules };
}

export function deleteBundleProfile(cf: CaseFile, name: string): boolean {
  if (BUILT_IN_PROFILES.some((b) => b.name.toLowerCase() === name.trim().toLowerCase())) {
    throw new HandlerError('refused', `"${name}" is a built-in profile and cannot be deleted.`);
  }
  const p = customProfiles(cf).find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
  if (!p) return false;
  return change(cf, `Bundle profile deleted: ${p.name}`, (w) => w.remove('meta', { key: `${PREFIX}${p.name}` }));
}
