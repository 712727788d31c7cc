/**
 * The one contract: every channel the renderer (or any transport) may call, with its zod
 * input and output schemas. The handlers in db/ and the typed client in renderer/ are both
 * derived from this map; a channel without a handler fails the type check.
 */
import { z } from 'zod';
import { CHANNEL_NAMES, type ChannelName } from './channels';
import {
  auditEntrySchema,
  incidentDetailSchema,
  incidentFilterSchema,
  incidentInputSchema,
  incidentRowSchema,
  INCIDENT_SORT_COLUMNS,
  statsSchema,
} from './schemas';
import { workbenchContract } from './contracts/workbench';
import { auditTrailContract } from './contracts/auditTrail';
import { dashboardContract } from './contracts/dashboard';
import { profileContract } from './contracts/profiles';
import { reviewContract } from './contracts/review';
import { mapContract } from './contracts/map';
import { importsContract } from './contracts/imports';
import { importJobsContract } from './contracts/importJobs';
import { strikesContract } from './contracts/strikes';
import { duplicatesContract } from './contracts/duplicates';
import { reconcileContract } from './contracts/reconcile';
import { bundleContract } from './contracts/bundle';
import { mergeContract } from './contracts/merge';

const idInput = z.object({ id: z.string().min(1, { message: 'An id is required' }) });

export const contract = {
  'case:info': {
    input: z.object({}).strict(),
    output: z.object({
      id: z.string(),
      name: z.string(),
      path: z.string(),
      schemaVersion: z.number().int(),
      createdAt: z.string(),
      actor: z.string(),
      counts: z.object({
        incidents: z.number().int(),
        sources: z.number().int(),
        victims: z.number().int(),
        auditEntries: z.number().int(),
      }),
    }),
  },
  'incidents:list': {
    input: z
      .object({
        filter: incidentFilterSchema.default({}),
        sort: z
          .object({ column: z.enum(INCIDENT_SORT_COLUMNS), direction: z.enum(['asc', 'desc']) })
          .default({ column: 'date', direction: 'desc' }),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    output: z.object({ total: z.number().int(), rows: z.array(incidentRowSchema) }),
  },
  'incidents:get': {
    input: z.union([idInput.strict(), z.object({ code: z.string().min(1) }).strict()]),
    output: incidentDetailSchema,
  },
  'incidents:create': {
    input: z.object({ incident: incidentInputSchema, reason: z.string().max(2000).optional() }).strict(),
    output: incidentDetailSchema,
  },
  'incidents:update': {
    input: z
      .object({
        id: z.string().min(1),
        incident: incidentInputSchema,
        /** The updatedAt the editor started from; a later save by someone else is a conflict. */
        expectedUpdatedAt: z.string().optional(),
        reason: z.string().max(2000).optional(),
      })
      .strict(),
    output: incidentDetailSchema,
  },
  'stats:get': {
    input: z.object({ filter: incidentFilterSchema.default({}) }).strict(),
    output: statsSchema,
  },
  'audit:list': {
    input: z
      .object({
        entityId: z.string().optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    output: z.object({ total: z.number().int(), entries: z.array(auditEntrySchema) }),
  },
  ...workbenchContract,
  'audit:verify': {
    input: z.object({}).strict(),
    output: z.object({
      ok: z.boolean(),
      entries: z.number().int(),
      firstBroken: z.number().int().nullable(),
      message: z.string(),
      /** Entries signed by a profile, and entries written without one (unsigned, not broken). */
      signed: z.number().int(),
      unsigned: z.number().int(),
      /** A row of case data that differs from what the trail recorded (edited behind the app's back). */
      rowProblem: z.object({ table: z.string(), key: z.string(), message: z.string() }).nullable(),
    }),
  },
  ...profileContract,
  ...reviewContract,
  ...dashboardContract,
  ...auditTrailContract,
  ...mapContract,
  ...importsContract,
  ...importJobsContract,
  ...strikesContract,
  ...duplicatesContract,
  ...reconcileContract,
  ...bundleContract,
  ...mergeContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;

// The dependency-free channel list must name exactly the contract's channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelListMatches: Same<Channel, ChannelName> = true;
void channelListMatches;
export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;

export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export const ERROR_CODES = ['invalid_input', 'unknown_channel', 'not_found', 'conflict', 'refused', 'internal', 'busy'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  path: string;
  message: string;
}

export interface ContractError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

/** What the renderer sees as `window.casefile`, whichever transport provides it. */
export interface CasefileBridge {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Which transport this is: for display only, never for branching. */
  readonly transport: 'electron' | 'http';
}
