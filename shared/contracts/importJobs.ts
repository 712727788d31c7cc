/**
 * Import jobs: an import that runs off the main thread (a worker with its own connection to the
 * case file), polled for progress and cancellable, over either transport. Also the saved column
 * mappings of spreadsheet imports, and the desktop's file chooser.
 */
import { z } from 'zod';
import { IMPORT_PHASES, importReportSchema } from '../importSchemas';
import { columnMappingSchema } from '../mappingSchema';

export const JOB_STATES = ['running', 'done', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** A CSV given by path (desktop, a local server) or by its text (a file the page read). */
export const jobCsvSchema = z.union([
  z.object({ path: z.string().min(1, { message: 'Choose a CSV file' }) }).strict(),
  z.object({ text: z.string(), name: z.string().min(1).max(300).default('upload.csv') }).strict(),
]);

export const jobSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('airwars'), dir: z.string().trim().min(1, { message: 'Give the folder that holds incidents.csv' }) }).strict(),
  z.object({ kind: z.literal('csv'), csv: jobCsvSchema, mapping: columnMappingSchema }).strict(),
]);
export type JobSpec = z.output<typeof jobSpecSchema>;

export const jobStatusSchema = z.object({
  id: z.string(),
  kind: z.enum(['airwars', 'csv']),
  /** The folder or file being imported. */
  source: z.string(),
  state: z.enum(JOB_STATES),
  /** True once cancel was asked for and the job has not yet stopped. */
  cancelRequested: z.boolean(),
  phase: z.enum(IMPORT_PHASES),
  /** What is being worked on, e.g. "sources.csv". */
  detail: z.string(),
  done: z.number(),
  total: z.number(),
  /** 0 to 1 over the whole import. */
  fraction: z.number().min(0).max(1),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The saved report, once the job is done. */
  report: importReportSchema.nullable(),
  /** Why it failed, in words a person can act on. */
  error: z.string().nullable(),
});
export type JobStatus = z.output<typeof jobStatusSchema>;

export const savedMappingSchema = z.object({
  name: z.string(),
  mapping: columnMappingSchema,
  savedAt: z.string(),
  savedBy: z.string(),
});
export type SavedMapping = z.output<typeof savedMappingSchema>;

const mappingName = z.string().trim().min(1, { message: 'Give the mapping a name' }).max(100, { message: 'Keep the name under 100 characters' });

export const importJobsContract = {
  'importJobs:start': { input: jobSpecSchema, output: jobStatusSchema },
  'importJobs:status': { input: z.object({ id: z.string().min(1) }).strict(), output: jobStatusSchema },
  'importJobs:cancel': { input: z.object({ id: z.string().min(1) }).strict(), output: jobStatusSchema },
  /** The job running in this case file, else the latest one this session ran (null: none). */
  'importJobs:current': { input: z.object({}).strict(), output: jobStatusSchema.nullable() },
  'importMappings:list': { input: z.object({}).strict(), output: z.object({ mappings: z.array(savedMappingSchema) }) },
  'importMappings:save': { input: z.object({ name: mappingName, mapping: columnMappingSchema }).strict(), output: savedMappingSchema },
  'importMappings:delete': { input: z.object({ name: z.string().min(1) }).strict(), output: z.object({ deleted: z.boolean() }) },
  /** The desktop's open dialog; elsewhere refused with a message saying to type the path. */
  'dialog:choosePath': {
    input: z.object({ kind: z.enum(['folder', 'csv']), title: z.string().max(200).optional() }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
} as const;
