/**
 * The workbench's channels: search, sources, captures and victims. Spread into the one
 * contract in shared/contract.ts; their names are listed in shared/channels.ts.
 */
import { z } from 'zod';
import { victimSchema } from '../schemas';
import {
  MAX_CAPTURE_BASE64,
  MAX_CAPTURE_BYTES,
  SEARCH_KINDS,
  captureSchema,
  duplicateMatchSchema,
  searchResultSchema,
  sha256Schema,
  sourceDetailSchema,
  sourceInputSchema,
  victimListSchema,
} from '../workbenchSchemas';

const id = (what: string) => z.string().min(1, { message: `Say which ${what}` });
const reason = z.string().max(2000).optional();

export const workbenchContract = {
  'search:query': {
    input: z
      .object({
        query: z.string().trim().min(1, { message: 'Type something to search for' }).max(200, { message: 'At most 200 characters' }),
        kinds: z.array(z.enum(SEARCH_KINDS)).min(1).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({
      query: z.string(),
      /** The query's words as searched (normalised). */
      terms: z.array(z.string()),
      /** How many records match, by kind (all of them, not only those returned). */
      counts: z.object({ incident: z.number().int(), source: z.number().int(), victim: z.number().int() }),
      results: z.array(searchResultSchema),
    }),
  },
  'sources:create': {
    input: z
      .object({
        source: sourceInputSchema,
        /** The incidents this source supports. */
        incidentIds: z.array(id('incident')).max(200).default([]),
        /** Log it even though the same address is already in the case (after being told where). */
        allowDuplicate: z.boolean().default(false),
        reason,
      })
      .strict(),
    output: sourceDetailSchema,
  },
  'sources:update': {
    input: z
      .object({
        id: id('source'),
        source: sourceInputSchema,
        expectedUpdatedAt: z.string().optional(),
        allowDuplicate: z.boolean().default(false),
        reason,
      })
      .strict(),
    output: sourceDetailSchema,
  },
  'sources:get': {
    input: z.object({ id: id('source') }).strict(),
    output: sourceDetailSchema,
  },
  'sources:list': {
    input: z.object({ incidentId: id('incident') }).strict(),
    output: z.object({ sources: z.array(sourceDetailSchema) }),
  },
  'sources:link': {
    input: z.object({ sourceId: id('source'), incidentId: id('incident'), reason }).strict(),
    output: sourceDetailSchema,
  },
  'sources:unlink': {
    input: z.object({ sourceId: id('source'), incidentId: id('incident'), reason }).strict(),
    output: sourceDetailSchema,
  },
  'sources:findDuplicates': {
    input: z
      .object({
        url: z.string().max(2000).nullable().optional(),
        archiveUrl: z.string().max(2000).nullable().optional(),
        sha256: sha256Schema.optional(),
        /** The source being edited: it is not its own duplicate. */
        excludeSourceId: z.string().optional(),
      })
      .strict(),
    output: z.object({ matches: z.array(duplicateMatchSchema) }),
  },
  'captures:add': {
    input: z
      .object({
        sourceId: id('source'),
        fileName: z.string().trim().min(1, { message: 'The file needs a name' }).max(255, { message: 'At most 255 characters' }),
        mimeType: z.string().trim().max(200).default('application/octet-stream'),
        /** The file's bytes, base64-encoded. */
        dataBase64: z.string().max(MAX_CAPTURE_BASE64, {
          message: `The file is larger than ${MAX_CAPTURE_BYTES / (1024 * 1024)} MB; keep a smaller capture or an excerpt of it`,
        }),
        /** The SHA-256 the sender computed: the bytes that arrive must have it. */
        sha256: sha256Schema.optional(),
        capturedAt: z.string().datetime({ offset: true, message: 'Give when it was captured as an ISO date and time' }).optional(),
        reason,
      })
      .strict(),
    output: z.object({
      capture: captureSchema,
      /** The same bytes were already stored in the case (for another capture): stored once. */
      alreadyStored: z.boolean(),
    }),
  },
  'captures:get': {
    input: z.object({ id: id('capture') }).strict(),
    output: z.object({ capture: captureSchema, dataBase64: z.string() }),
  },
  'captures:list': {
    input: z.object({ sourceId: id('source') }).strict(),
    output: z.object({ captures: z.array(captureSchema) }),
  },
  'victims:save': {
    input: z
      .object({
        incidentId: id('incident'),
        victims: victimListSchema,
        reason,
      })
      .strict(),
    output: z.object({ victims: z.array(victimSchema) }),
  },
} as const;
