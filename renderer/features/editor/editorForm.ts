/**
 * The incident editor's form: the incident as `incidents:create/update` takes it and its
 * victim table as `victims:save` takes it, validated by the same zod schemas the handlers
 * use. Field names are the contract's paths, so a server's issue path lands on its field.
 */
import { z } from 'zod';
import { CASUALTY_FIELDS } from '../../../shared/casualty';
import type { FieldIssue } from '../../../shared/contract';
import { incidentInputSchema, type IncidentDetail, type IncidentInput } from '../../../shared/schemas';
import { victimListSchema, type VictimInput } from '../../../shared/workbenchSchemas';

export const editorSchema = z.object({ incident: incidentInputSchema, victims: victimListSchema });
export type EditorValues = z.input<typeof editorSchema>;
export type EditorOutput = z.output<typeof editorSchema>;

export function emptyIncident(): IncidentInput {
  return {
    code: '',
    dateStart: null,
    dateEnd: null,
    datePrecision: 'day',
    localTime: null,
    placeEn: null,
    placeAr: null,
    district: null,
    governorate: null,
    country: null,
    latitude: null,
    longitude: null,
    geoPrecision: null,
    strikeType: null,
    strikeStatus: null,
    casualties: Object.fromEntries(CASUALTY_FIELDS.map((f) => [f, { min: null, max: null }])) as IncidentInput['casualties'],
    causeOfDeath: null,
    infrastructure: null,
    summary: null,
    internalNotes: null,
    status: 'draft',
    assigneeId: null,
    grade: null,
    gradeRationale: null,
    belligerents: [],
  };
}

export function emptyVictim(): VictimInput {
  return {
    id: null,
    nameLatin: null,
    nameLocal: null,
    gender: null,
    age: null,
    ageGroup: null,
    harm: 'killed',
    familyGroup: null,
    civilianStatusContested: false,
    sensitive: false,
  };
}

export function emptyBelligerent(): IncidentInput['belligerents'][number] {
  return {
    belligerent: '',
    involvement: 'known',
    position: 'not_yet_assessed',
    concededKilled: { min: null, max: null },
    concededInjured: { min: null, max: null },
    locationText: null,
    mgrs: null,
    statement: null,
  };
}

/** The form's values for a stored incident (or a new one). */
export function toEditorValues(detail: IncidentDetail | null): EditorValues {
  if (!detail) return { incident: emptyIncident(), victims: [] };
  const base = emptyIncident();
  const incident = Object.fromEntries(
    Object.keys(base).map((k) => [k, (detail as unknown as Record<string, unknown>)[k] ?? (base as unknown as Record<string, unknown>)[k]]),
  ) as unknown as IncidentInput;
  incident.belligerents = detail.belligerents.map(({ id: _id, ...b }) => b);
  const victims = detail.victims.map((v): VictimInput => ({ ...v }));
  return { incident, victims };
}

/** Values as the form holds them, in a stable text form: equal text means nothing changed. */
export function valuesKey(values: unknown): string {
  return JSON.stringify(values, (_k, v: unknown) => (v === '' || v === undefined ? null : v));
}

/**
 * Where a server issue belongs in the form: the incident handlers name some fields without the
 * `incident.` prefix (e.g. `code` when the code is taken); victims' paths are already right.
 */
export function formPath(channel: 'incident' | 'victims', issue: FieldIssue): string | null {
  if (!issue.path) return null;
  if (channel === 'victims') return issue.path.startsWith('victims.') ? issue.path : `victims.${issue.path}`;
  return issue.path.startsWith('incident.') ? issue.path : `incident.${issue.path}`;
}

/** Turn a form text into a number or null; what is not a number stays NaN for the schema to refuse. */
export function toNumberOrNull(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? Number.NaN : v;
  const s = String(v).trim();
  return s === '' ? null : Number(s);
}

/** Blank becomes null (selects and dates), anything else stays as typed. */
export function blankToNull(v: unknown): unknown {
  return v === '' || v === undefined ? null : v;
}
