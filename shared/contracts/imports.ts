/**
 * Importing and exporting archives, and the data-quality problems imports find: the channels
 * the app's File → Import… and File → Export… use. The importer functions behind them also take
 * a progress callback and a cancel signal; a host that runs imports off its UI thread can use
 * them directly (see db/import/run.ts).
 */
import { z } from 'zod';
import { dataProblemSchema, importReportSchema, importSummarySchema } from '../importSchemas';
import { columnMappingSchema } from '../mappingSchema';

/** A CSV given by path (desktop, CLI) or by its text (a file the UI read). */
const csvInput = z.union([
  z.object({ path: z.string().min(1, { message: 'Choose a CSV file' }) }).strict(),
  z.object({ text: z.string(), name: z.string().min(1).max(300).default('upload.csv') }).strict(),
]);

export const importPreviewSchema = z.object({
  headers: z.array(z.string()),
  /** The mapping used: the one given, or the guessed one. */
  mapping: columnMappingSchema,
  /** Whether the mapping was guessed from the headers. */
  guessed: z.boolean(),
  /** The first rows, as written and as the mapping reads them. */
  rows: z.array(z.object({ line: z.number().int(), raw: z.array(z.string()), values: z.record(z.string(), z.unknown()) })),
  /** Columns kept with each record because the mapping does not name them. */
  keptColumns: z.array(z.string()),
  /** What committing would do, problems included: computed and rolled back. */
  report: importReportSchema,
});
export type ImportPreview = z.output<typeof importPreviewSchema>;

export const importsContract = {
  'import:airwars': {
    input: z.object({ dir: z.string().min(1, { message: 'Choose the folder that holds incidents.csv' }), dryRun: z.boolean().default(false) }).strict(),
    output: importReportSchema,
  },
  'import:preview': {
    input: z.object({ csv: csvInput, mapping: columnMappingSchema.optional(), rows: z.number().int().min(1).max(200).default(20) }).strict(),
    output: importPreviewSchema,
  },
  'import:csv': {
    input: z.object({ csv: csvInput, mapping: columnMappingSchema, dryRun: z.boolean().default(false) }).strict(),
    output: importReportSchema,
  },
  'imports:list': {
    input: z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.object({ total: z.number().int(), imports: z.array(importSummarySchema) }),
  },
  'imports:get': {
    input: z.object({ id: z.string().min(1) }).strict(),
    output: importReportSchema,
  },
  'dataProblems:list': {
    input: z
      .object({
        incidentId: z.string().min(1).optional(),
        kind: z.string().min(1).max(100).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    output: z.object({
      total: z.number().int(),
      problems: z.array(dataProblemSchema),
      /** Problems by kind over the same selection (ignoring offset and limit). */
      kinds: z.array(z.object({ kind: z.string(), count: z.number().int() })),
    }),
  },
  'export:csv': {
    input: z.object({ dir: z.string().min(1, { message: 'Choose a folder to export to' }) }).strict(),
    output: z.object({ dir: z.string(), files: z.array(z.object({ file: z.string(), rows: z.number().int() })) }),
  },
} as const;
