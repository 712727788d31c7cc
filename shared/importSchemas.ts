/**
 * What crosses the contract about imports: the import report (saved with every committed run),
 * data-quality problems on records, progress, and the column mapping of a spreadsheet import.
 */
import { z } from 'zod';

export const IMPORT_KINDS = ['airwars', 'csv'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One problem, by file, line, field and reason. */
export const importProblemSchema = z.object({
  file: z.string(),
  /** 1-based physical line of the row (null: the file as a whole). */
  line: z.number().int().nullable(),
  /** The column concerned ('' for the whole row). */
  field: z.string(),
  /** The value as written (null when not one value). */
  value: z.string().nullable(),
  reason: z.string(),
  /** A stable name for the kind of problem, e.g. min_above_max, duplicate_code. */
  kind: z.string(),
  /** Code of the incident the row belongs to, when known. */
  code: z.string().nullable(),
  /** True when the row could not be held at all and was left out; false: kept and flagged. */
  leftOut: z.boolean(),
});
export type ImportProblem = z.output<typeof importProblemSchema>;

export const entityCountsSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
  leftOut: z.number().int(),
});
export type EntityCounts = z.output<typeof entityCountsSchema>;

/** What a re-import changed in a record that already existed. */
export const importChangeSchema = z.object({
  code: z.string(),
  entity: z.string(),
  id: z.string(),
  action: z.enum(['create', 'update', 'remove']),
  /** The columns that changed (for an update). */
  fields: z.array(z.string()),
});
export type ImportChange = z.output<typeof importChangeSchema>;

export const importReportSchema = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  source: z.string(),
  actor: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** A dry run computes everything, then rolls back: nothing was saved. */
  dryRun: z.boolean(),
  files: z.array(z.object({ file: z.string(), rows: z.number().int(), sha256: z.string() })),
  /** Per entity (incidents, sources, victims, …). */
  counts: z.record(z.string(), entityCountsSchema),
  createdCodes: z.array(z.string()),
  updatedCodes: z.array(z.string()),
  /** Row by row, what changed in records that already existed. */
  changes: z.array(importChangeSchema),
  problems: z.array(importProblemSchema),
  /** Problems by kind, kept and left out together. */
  problemCounts: z.record(z.string(), z.number().int()),
  /** Incidents in the case file that this source does not mention (kept as they are). */
  notInSource: z.number().int(),
  /** Audit entries the run wrote (0 when nothing changed). */
  auditEntries: z.number().int(),
});
export type ImportReport = z.output<typeof importReportSchema>;

export const IMPORT_PHASES = ['read', 'check', 'write', 'done'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** Progress of a running import: `fraction` moves from 0 to 1 over all phases. */
export interface ImportProgress {
  phase: ImportPhase;
  /** What is being worked on, e.g. "sources.csv". */
  detail: string;
  done: number;
  total: number;
  fraction: number;
}

export const importSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  source: z.string(),
  actor: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
  leftOut: z.number().int(),
  problems: z.number().int(),
});

/** A data-quality problem kept on a record. */
export const dataProblemSchema = z.object({
  id: z.string(),
  entity: z.string(),
  entityId: z.string(),
  incidentId: z.string().nullable(),
  incidentCode: z.string().nullable(),
  kind: z.string(),
  field: z.string(),
  value: z.string().nullable(),
  reason: z.string(),
  file: z.string().nullable(),
  line: z.number().int().nullable(),
  importId: z.string().nullable(),
  createdAt: z.string(),
});
export type DataProblem = z.output<typeof dataProblemSchema>;
