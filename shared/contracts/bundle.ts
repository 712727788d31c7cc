/**
 * Case bundles (issue 8): redaction profiles, the preview of what a profile withholds, the
 * export run in steps (so the app can show progress and cancel), and verifying a bundle file.
 */
import { z } from 'zod';
import { WORKFLOW_STATUSES } from '../domain';
import { incidentFilterSchema } from '../schemas';

/** One rule set: what a bundle made with this profile leaves out or changes. */
export const redactionRulesSchema = z
  .object({
    /** Only incidents in these workflow statuses; null: any status. */
    statuses: z.array(z.enum(WORKFLOW_STATUSES)).min(1).nullable(),
    /** Empty internal fields: incidents' internal notes, victims' notes, incident links' notes, sources' credibility notes. */
    removeInternalNotes: z.boolean(),
    /** Victims marked sensitive: kept and counted, but their names (and notes, raw import text) emptied. */
    unnameSensitiveVictims: z.boolean(),
    /** Leave out sources marked as holding personal data, and their captures. */
    withholdSensitivePersonal: z.boolean(),
    /** Leave out sources marked as graphic, and their captures. */
    withholdSensitiveGraphic: z.boolean(),
    /** Include capture files at all. */
    includeCaptures: z.boolean(),
    /** Strip EXIF, GPS, XMP and IPTC metadata from included JPEG and PNG images. */
    stripImageMetadata: z.boolean(),
    /** Include the audit log, import runs and data-quality problems (only for a whole-case bundle). */
    includeAuditLog: z.boolean(),
    includeDataProblems: z.boolean(),
    /** Include review decisions and their comments. */
    includeReviewComments: z.boolean(),
    /** Include the case's people (staff names, public keys) and who did what; otherwise those fields are emptied. */
    includeStaffNames: z.boolean(),
  })
  .strict();
export type RedactionRules = z.output<typeof redactionRulesSchema>;

export const profileNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'Give the profile a name' })
  .max(60, { message: 'At most 60 characters' })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u, { message: 'Letters, digits, spaces, _ . - only, starting with a letter or digit' });

export const bundleProfileSchema = z.object({
  name: z.string(),
  builtIn: z.boolean(),
  description: z.string(),
  rules: redactionRulesSchema,
});
export type BundleProfile = z.output<typeof bundleProfileSchema>;

const withheldItem = z.object({ id: z.string(), label: z.string(), why: z.string() });

/** Exactly what a profile withholds from a bundle with these filters. */
export const bundlePreviewSchema = z.object({
  profile: bundleProfileSchema,
  included: z.object({ incidents: z.number().int(), sources: z.number().int(), victims: z.number().int(), captures: z.number().int(), captureBytes: z.number().int() }),
  withheld: z.object({
    incidentsLeftOut: z.array(withheldItem),
    notesRemoved: z.array(withheldItem),
    victimsUnnamed: z.array(withheldItem),
    sourcesWithheld: z.array(withheldItem),
    capturesWithheld: z.array(withheldItem),
    imagesStripped: z.array(withheldItem),
    /** Whole tables left out (audit log, review comments, ...), with why. */
    tables: z.array(z.object({ table: z.string(), rows: z.number().int(), why: z.string() })),
  }),
  /** Who will sign the manifest; null: no profile with a key is acting, the bundle will be unsigned. */
  signer: z.object({ name: z.string(), fingerprint: z.string() }).nullable(),
  suggestedPath: z.string(),
});
export type BundlePreview = z.output<typeof bundlePreviewSchema>;

export const exportProgressSchema = z.object({
  jobId: z.string(),
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  finished: z.boolean(),
  result: z
    .object({ path: z.string(), sha256: z.string(), size: z.number().int(), files: z.number().int(), signed: z.boolean(), incidents: z.number().int() })
    .nullable(),
});
export type ExportProgress = z.output<typeof exportProgressSchema>;

export const bundleVerifySchema = z.object({
  status: z.enum(['valid', 'unsigned', 'invalid']),
  bundleSha256: z.string(),
  refused: z.string().nullable(),
  files: z.object({ checked: z.number().int(), bytes: z.number().int() }),
  problems: z.array(z.object({ path: z.string(), problem: z.enum(['missing', 'extra', 'altered']), detail: z.string().optional() })),
  signature: z.object({ present: z.boolean(), valid: z.boolean(), fingerprint: z.string().nullable(), signer: z.string().nullable() }),
  summary: z.string(),
});

const exportRequest = z
  .object({ profile: z.string().min(1), filter: incidentFilterSchema.default({}) })
  .strict();

export const bundleContract = {
  'bundle:profiles': { input: z.object({}).strict(), output: z.object({ profiles: z.array(bundleProfileSchema) }) },
  'bundle:saveProfile': {
    input: z.object({ name: profileNameSchema, description: z.string().max(500).default(''), rules: redactionRulesSchema }).strict(),
    output: bundleProfileSchema,
  },
  'bundle:deleteProfile': { input: z.object({ name: z.string().min(1) }).strict(), output: z.object({ deleted: z.boolean() }) },
  'bundle:preview': { input: exportRequest, output: bundlePreviewSchema },
  /** Start writing a bundle; call bundle:step until `finished`. */
  'bundle:start': {
    input: exportRequest.extend({ out: z.string().trim().min(1, { message: 'Say where to write the bundle (a .zip path)' }).regex(/\.zip$/i, { message: 'The bundle file must end in .zip' }) }).strict(),
    output: exportProgressSchema,
  },
  'bundle:step': { input: z.object({ jobId: z.string().min(1) }).strict(), output: exportProgressSchema },
  'bundle:cancel': { input: z.object({ jobId: z.string().min(1) }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'bundle:verify': { input: z.object({ path: z.string().trim().min(1, { message: 'Choose a bundle (.zip)' }) }).strict(), output: bundleVerifySchema },
} as const;
