import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { applyMerge, type Resolutions } from '../../db/bundle/mergeApply';
import { loadBundleForMerge } from '../../db/bundle/mergeBundle';
import { planMerge, type MergePlan } from '../../db/bundle/mergePlan';
import { parse, positional, UsageError, type Command } from '../args';
import { withCaseFile } from '../open';

const usage = `Usage: casefile merge FILE BUNDLE.zip [--plan] [--take mine|theirs] [--json]

Merge a colleague's bundle (exported with the "internal" profile) into the case file FILE.
The bundle must verify first. New records are added; a record changed on one side only takes
that change; fields changed on both sides differently are conflicts. With conflicts and no
--take, the conflicts are listed and nothing is written (exit 3): resolve them field by field
in the app's Merge page, or take one side for every conflict with --take.
  --plan               only show what the merge would do; write nothing
  --take mine|theirs   resolve every conflict (every conflicting field) with that side
  --json               print the plan (and the outcome) as JSON`;

const show = (v: unknown) => (v === null || v === undefined ? '(empty)' : JSON.stringify(v).slice(0, 80));

function formatPlan(plan: MergePlan): string {
  const c = plan.counts;
  const lines = [
    `Bundle sha256:${plan.source.sha256}`,
    `  signed by ${plan.source.signer}; case ${plan.caseId}`,
    `  new ${c.new}, theirs ${c.theirs}, mine ${c.mine}, merged field by field ${c.merged}, unchanged ${c.unchanged}, conflicts ${c.conflict}`,
  ];
  for (const k of plan.conflicts) {
    if (k.kind !== 'fields') lines.push(`  CONFLICT ${k.label}: ${k.kind === 'deleted_mine' ? 'deleted here, changed in the bundle' : 'deleted in the bundle, changed here'}`);
    else for (const f of k.fields) lines.push(`  CONFLICT ${k.label}, ${f.column}: mine ${show(f.mine)}, theirs ${show(f.theirs)} (was ${show(f.base)})`);
  }
  return lines.join('\n');
}

export const mergeCommand: Command = {
  name: 'merge',
  summary: "merge a colleague's bundle into a case file",
  usage,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { plan: { type: 'boolean' }, take: { type: 'string' }, json: { type: 'boolean' } }, usage);
    if (values.help) return io.out(usage), 0;
    const [file, bundlePath] = positional(positionals, 2, usage);
    if (values.take !== undefined && values.take !== 'mine' && values.take !== 'theirs') throw new UsageError(`--take must be mine or theirs, not "${values.take}".\n\n${usage}`);
    let bytes: Buffer;
    try {
      bytes = readFileSync(bundlePath!);
    } catch (e) {
      throw new UsageError(`Cannot read the bundle ${bundlePath}: ${(e as Error).message}`);
    }
    const bundle = loadBundleForMerge(bytes, basename(bundlePath!));
    return withCaseFile(file!, (cf) => {
      const plan = planMerge(cf, bundle.data, bundle.source);
      const print = (extra: object = {}) =>
        io.out(values.json ? JSON.stringify({ source: plan.source, caseId: plan.caseId, counts: plan.counts, conflicts: plan.conflicts, ...extra }) : formatPlan(plan));
      if (values.plan) return print(), 0;
      if (plan.conflicts.length > 0 && !values.take) {
        print();
        io.err(`${plan.conflicts.length} conflict(s): nothing was merged. Resolve them in the app (Merge page), or run again with --take mine|theirs.`);
        return 3;
      }
      const resolutions: Resolutions = Object.fromEntries(plan.conflicts.map((c) => [c.id, { record: values.take as 'mine' | 'theirs' }]));
      const out = applyMerge(cf, bundle.data, bundle.source, resolutions, { blobContent: bundle.blobContent, plan });
      if (values.json) print({ auditEntries: out.auditEntries, written: out.written, reason: out.reason });
      else {
        io.out(formatPlan(plan));
        io.out(
          out.auditEntries === 0
            ? 'Nothing to change: the case file already holds everything in this bundle.'
            : `Merged: ${out.written.inserted} added, ${out.written.updated} updated, ${out.written.deleted} deleted (${out.auditEntries} audit entries, reason "${out.reason}").`,
        );
      }
      return 0;
    });
  },
};
