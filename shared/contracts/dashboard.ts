/** The dashboard's monthly series: incidents and civilians killed per month and grade. */
import { z } from 'zod';
import { incidentFilterSchema, rangeSchema } from '../schemas';

const cell = z.object({ incidents: z.number().int(), killed: rangeSchema });
export type MonthCell = z.output<typeof cell>;

/** One key per grade, plus ungraded: the same keys as `stats:get`'s grades. */
const byGrade = z.object({
  confirmed: cell,
  fair: cell,
  weak: cell,
  contested: cell,
  discounted: cell,
  ungraded: cell,
});
export type MonthGrades = z.output<typeof byGrade>;

export const monthlyStatsSchema = z.object({
  /** Months that have incidents, oldest first, 'YYYY-MM' (by the incident's start date). */
  months: z.array(z.object({ month: z.string(), grades: byGrade })),
  /** Incidents with no date, which no month can show. */
  undated: byGrade,
});
export type MonthlyStats = z.output<typeof monthlyStatsSchema>;

export const dashboardContract = {
  'stats:monthly': {
    input: z.object({ filter: incidentFilterSchema.default({}) }).strict(),
    output: monthlyStatsSchema,
  },
} as const;
