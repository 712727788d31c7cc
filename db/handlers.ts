/**
 * Every contract channel's handler, and the one dispatcher both transports call.
 * `Handlers` is derived from the contract, so a channel without a handler fails the type check.
 */
import { z } from 'zod';
import {
  contract,
  isChannel,
  type Channel,
  type ChannelOutput,
  type ChannelParsedInput,
  type ContractError,
  type Result,
} from '../shared/contract';
import { verifyAuditChain } from './audit';
import { listAudit } from './auditLog';
import { caseInfo } from './caseInfo';
import type { CaseFile } from './casefile';
import { HandlerError } from './errors';
import { createIncident, getIncident, listIncidents, updateIncident } from './incidents';
import { computeStats } from './stats';
import { workbenchHandlers } from './workbenchHandlers';
import { reviewHandlers } from './reviewHandlers';
import { importHandlers } from './importHandlers';
import { importJobHandlers } from './importJobHandlers';
import { mapPoints, mapSummaries, mapTimeline } from './map';
import { strikeHandlers } from './strikeHandlers';
import { duplicatesHandlers } from './crossref/duplicatesHandlers';
import { reconcileHandlers } from './reconcileHandlers';
import { bundleHandlers } from './bundle/handlers';
import { mergeHandlers } from './bundle/mergeHandlers';

export type Handlers = {
  [C in Channel]: (cf: CaseFile, input: ChannelParsedInput<C>) => ChannelOutput<C>;
};

export const handlers: Handlers = {
  'case:info': (cf) => caseInfo(cf),
  'incidents:list': listIncidents,
  'incidents:get': getIncident,
  'incidents:create': createIncident,
  'incidents:update': updateIncident,
  'stats:get': computeStats,
  'audit:list': listAudit,
  'audit:verify': (cf) => verifyAuditChain(cf),
  ...workbenchHandlers,
  ...reviewHandlers,
  ...importHandlers,
  ...importJobHandlers,
  'map:points': mapPoints,
  'map:timeline': mapTimeline,
  'map:summaries': mapSummaries,
  ...strikeHandlers,
  ...duplicatesHandlers,
  ...reconcileHandlers,
  ...bundleHandlers,
  ...mergeHandlers,
};

export function zodIssues(err: z.ZodError): { path: string; message: string }[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

function describeIssues(issues: { path: string; message: string }[]): string {
  const shown = issues.slice(0, 5).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  return shown.join('; ') + more;
}

/**
 * Validate `input` against the channel's schema, run its handler, and return a Result.
 * Never throws: bad input, unknown channels and handler failures all become a ContractError
 * that says what to do. Invalid input reaches no handler, so nothing is written.
 */
export function dispatch(cf: CaseFile, channel: unknown, input: unknown): Result<unknown> {
  if (!isChannel(channel)) {
    return fail({ code: 'unknown_channel', message: `Unknown channel ${JSON.stringify(channel)}. Known channels: ${Object.keys(contract).join(', ')}.` });
  }
  const parsed = contract[channel].input.safeParse(input ?? {});
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    return fail({ code: 'invalid_input', message: `Invalid input for ${channel}: ${describeIssues(issues)}`, issues });
  }
  try {
    const handler = handlers[channel] as (cf: CaseFile, input: unknown) => unknown;
    const value = handler(cf, parsed.data);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof HandlerError) {
      return fail({ code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) });
    }
    const message = e instanceof Error ? e.message : String(e);
    return fail({ code: 'internal', message: `${channel} failed: ${message}. Nothing was saved.` });
  }
}

function fail(error: ContractError): Result<never> {
  return { ok: false, error };
}

/** Call a handler directly with typed input, throwing on error: for the CLI, tests and seeding. */
export function call<C extends Channel>(cf: CaseFile, channel: C, input: z.input<(typeof contract)[C]['input']>): ChannelOutput<C> {
  const r = dispatch(cf, channel, input);
  if (!r.ok) throw new HandlerError(r.error.code, r.error.message, r.error.issues);
  return r.value as ChannelOutput<C>;
}
