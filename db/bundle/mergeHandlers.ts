/** The merge channels (shared/contracts/merge.ts) over db/bundle/merge*.ts. */
import type { ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import type { CaseFile } from '../casefile';
import { HandlerError } from '../errors';
import { applyMerge } from './mergeApply';
import { loadBundleForMerge, type LoadedBundle } from './mergeBundle';
import { planMerge } from './mergePlan';

function load(input: { bundleBase64: string; name?: string | undefined }): LoadedBundle {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.bundleBase64)) {
    throw new HandlerError('invalid_input', 'The bundle did not arrive as base64; nothing was merged.', [{ path: 'bundleBase64', message: 'Not base64' }]);
  }
  return loadBundleForMerge(Buffer.from(input.bundleBase64, 'base64'), input.name ?? 'The bundle');
}

const scalar = (v: unknown): string | number | null => (v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v));

export function mergePlanHandler(cf: CaseFile, input: ChannelParsedInput<'merge:plan'>): ChannelOutput<'merge:plan'> {
  const b = load(input);
  const plan = planMerge(cf, b.data, b.source);
  return {
    bundle: { ...b.source, caseId: plan.caseId, caseTitle: b.manifest.case?.title ?? null, exportedAt: b.manifest.exportedAt },
    counts: plan.counts,
    conflicts: plan.conflicts.map((c) => ({
      ...c,
      fields: c.fields.map((f) => ({ column: f.column, base: scalar(f.base), mine: scalar(f.mine), theirs: scalar(f.theirs) })),
    })),
  };
}

export function mergeApplyHandler(cf: CaseFile, input: ChannelParsedInput<'merge:apply'>): ChannelOutput<'merge:apply'> {
  const b = load(input);
  const out = applyMerge(cf, b.data, b.source, input.resolutions, { blobContent: b.blobContent });
  return { counts: out.plan.counts, auditEntries: out.auditEntries, reason: out.reason, written: out.written };
}

export const mergeHandlers = {
  'merge:plan': mergePlanHandler,
  'merge:apply': mergeApplyHandler,
};
