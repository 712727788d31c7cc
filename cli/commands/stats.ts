import { call } from '../../db/handlers';
import { parse, positional, type Command } from '../args';
import { withCaseFile } from '../open';
import { GRADES, GRADE_LABELS } from '../../shared/domain';
import type { Stats, GradeTotals } from '../../shared/schemas';

const usage = `Usage: casefile stats FILE [--json] [filters]

Casualty figures by grade, following the casualty conventions (ranges as min–max;
the headline is Confirmed plus Fair).
  --json                print the figures as JSON
  --belligerent TEXT    only incidents with a belligerent whose name contains TEXT
  --code-prefix P       only incidents whose code starts with P (e.g. CS)
  --country C           only incidents in country C
  --from YYYY-MM-DD     only incidents on or after this date
  --to YYYY-MM-DD       only incidents on or before this date`;

export const statsCommand: Command = {
  name: 'stats',
  summary: 'casualty figures by grade (--json for scripts)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      {
        json: { type: 'boolean' },
        belligerent: { type: 'string' },
        'code-prefix': { type: 'string' },
        country: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
      },
      usage,
    );
    if (values.help) return io.out(usage), 0;
    const [file] = positional(positionals, 1, usage);
    const filter = {
      ...(values.belligerent !== undefined ? { belligerent: values.belligerent } : {}),
      ...(values['code-prefix'] !== undefined ? { codePrefix: values['code-prefix'] } : {}),
      ...(values.country !== undefined ? { country: values.country } : {}),
      ...(values.from !== undefined ? { from: values.from } : {}),
      ...(values.to !== undefined ? { to: values.to } : {}),
    };
    const stats = withCaseFile(file!, (cf) => call(cf, 'stats:get', { filter }));
    io.out(values.json ? JSON.stringify(stats) : formatStats(stats));
    return 0;
  },
};

const r = (x: { min: number; max: number }) => (x.min === x.max ? String(x.min) : `${x.min}–${x.max}`);
const line = (label: string, t: GradeTotals) =>
  `${label.padEnd(12)} ${String(t.incidents).padStart(6)}  ${r(t.killed).padStart(11)}  ${r(t.injured).padStart(11)}  ${r(t.children).padStart(9)}  ${r(t.women).padStart(9)}  ${String(t.namedVictims).padStart(5)}`;

export function formatStats(s: Stats): string {
  return [
    `${'grade'.padEnd(12)} ${'inc.'.padStart(6)}  ${'killed'.padStart(11)}  ${'injured'.padStart(11)}  ${'children'.padStart(9)}  ${'women'.padStart(9)}  ${'named'.padStart(5)}`,
    line('Headline', s.headline),
    ...GRADES.map((g) => line(GRADE_LABELS[g], s.grades[g])),
    line('Ungraded', s.grades.ungraded),
    `Conceded by belligerents: ${s.conceded.incidents} incidents, ${r(s.conceded.killed)} killed, ${r(s.conceded.injured)} injured`,
    `${s.incidents} incidents in all.`,
  ].join('\n');
}
