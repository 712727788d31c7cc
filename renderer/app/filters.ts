/**
 * One mapping between the URL's search params (in the hash route) and the contract's
 * `IncidentFilter`, used by the incidents list and the dashboard alike, so that a filtered
 * view can be bookmarked, shared, and carried from one page to the other.
 *
 *   #/incidents?grade=confirmed&grade=ungraded&status=draft&belligerent=Coalition
 *              &country=Syria&code=CS&from=2017-01-01&to=2017-12-31&governorate=Raqqa&located=yes
 *              &assigned=me&sort=killed&dir=desc
 */
import type { ChannelInput } from '../../shared/contract';
import { BELLIGERENT_POSITIONS, GRADES, WORKFLOW_STATUSES, type BelligerentPosition, type Grade, type WorkflowStatus } from '../../shared/domain';
import { INCIDENT_SORT_COLUMNS, type IncidentFilter } from '../../shared/schemas';

export type GradeFilterValue = Grade | 'ungraded';
export const GRADE_FILTER_VALUES: readonly GradeFilterValue[] = [...GRADES, 'ungraded'];

export type SortColumn = (typeof INCIDENT_SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';
export interface Sort {
  column: SortColumn;
  direction: SortDirection;
}

export const PAGE_SIZE = 100;
export const DEFAULT_SORT: Sort = { column: 'date', direction: 'desc' };

/** The search params that make up the filter (sort and paging are the list's own). */
export const FILTER_PARAMS = ['grade', 'status', 'belligerent', 'country', 'code', 'from', 'to', 'governorate', 'located', 'assigned', 'bbox', 'position', 'problems'] as const;

function listValues<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] | undefined {
  const values = params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toLowerCase())
    .filter((v): v is T => (allowed as readonly string[]).includes(v));
  const unique = [...new Set(values)];
  return unique.length > 0 ? unique : undefined;
}

function text(params: URLSearchParams, name: string): string | undefined {
  const v = params.get(name)?.trim();
  return v ? v : undefined;
}

export function parseFilter(params: URLSearchParams): IncidentFilter {
  const filter: IncidentFilter = {};
  const grade = listValues(params, 'grade', GRADE_FILTER_VALUES);
  const status = listValues<WorkflowStatus>(params, 'status', WORKFLOW_STATUSES);
  if (grade) filter.grade = grade;
  if (status) filter.status = status;
  const belligerent = text(params, 'belligerent');
  const country = text(params, 'country');
  const codePrefix = text(params, 'code');
  const from = text(params, 'from');
  const to = text(params, 'to');
  if (belligerent) filter.belligerent = belligerent;
  if (country) filter.country = country;
  if (codePrefix) filter.codePrefix = codePrefix;
  if (from) filter.from = from;
  if (to) filter.to = to;
  const governorate = text(params, 'governorate');
  if (governorate) filter.governorate = governorate;
  const located = params.get('located');
  if (located === 'yes') filter.hasCoordinates = true;
  if (located === 'no') filter.hasCoordinates = false;
  const problems = params.get('problems');
  if (problems === 'yes') filter.hasProblems = true;
  if (problems === 'no') filter.hasProblems = false;
  const assigned = text(params, 'assigned');
  if (assigned) filter.assignedTo = assigned;
  const position = listValues<BelligerentPosition>(params, 'position', BELLIGERENT_POSITIONS)?.[0];
  if (position) filter.belligerentPosition = position;
  const bbox = parseBbox(params.get('bbox'));
  if (bbox) filter.bbox = bbox;
  return filter;
}

/** `bbox=west,south,east,north` (an area drawn on the map), or undefined when absent or malformed. */
export function parseBbox(value: string | null): [number, number, number, number] | undefined {
  const parts = value?.split(',').map((v) => Number(v.trim()));
  if (!parts || parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [w, s, e, n] = parts as [number, number, number, number];
  if (!(w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90)) return undefined;
  return [w, s, e, n];
}

/** The params for `filter`, on top of `base` with its previous filter params removed. */
export function filterToParams(filter: IncidentFilter, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of FILTER_PARAMS) params.delete(name);
  for (const g of filter.grade ?? []) params.append('grade', g);
  for (const s of filter.status ?? []) params.append('status', s);
  if (filter.belligerent) params.set('belligerent', filter.belligerent);
  if (filter.country) params.set('country', filter.country);
  if (filter.codePrefix) params.set('code', filter.codePrefix);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.governorate) params.set('governorate', filter.governorate);
  if (filter.hasCoordinates !== undefined) params.set('located', filter.hasCoordinates ? 'yes' : 'no');
  if (filter.hasProblems !== undefined) params.set('problems', filter.hasProblems ? 'yes' : 'no');
  if (filter.assignedTo) params.set('assigned', filter.assignedTo);
  if (filter.belligerentPosition) params.set('position', filter.belligerentPosition);
  if (filter.bbox) params.set('bbox', filter.bbox.join(','));
  return params;
}

/** Only the filter part of `params`, as a `?…` search string (or ''), for links between pages. */
export function filterSearch(params: URLSearchParams): string {
  const s = filterToParams(parseFilter(params)).toString();
  return s ? `?${s}` : '';
}

export function isFiltered(filter: IncidentFilter): boolean {
  return Object.keys(filter).length > 0;
}

export function parseSort(params: URLSearchParams): Sort {
  const column = params.get('sort');
  const dir = params.get('dir');
  if (!column || !(INCIDENT_SORT_COLUMNS as readonly string[]).includes(column)) return DEFAULT_SORT;
  return { column: column as SortColumn, direction: dir === 'asc' || dir === 'desc' ? dir : 'asc' };
}

export function parseOffset(params: URLSearchParams): number {
  const n = Number(params.get('offset'));
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** The `incidents:list` input that the URL describes. */
export function listInput(params: URLSearchParams): ChannelInput<'incidents:list'> {
  return { filter: parseFilter(params), sort: parseSort(params), offset: parseOffset(params), limit: PAGE_SIZE };
}
