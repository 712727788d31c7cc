/**
 * Readable labels for the domain's stored values that shared/domain.ts does not label yet
 * (it labels grades and workflow statuses). Unknown values fall back to the value itself.
 */
import type { BelligerentPosition, DatePrecision, GeoPrecision, SourceKind, StrikeStatus } from '../../shared/domain';

export const POSITION_LABELS: Record<BelligerentPosition, string> = {
  not_yet_assessed: 'Not yet assessed',
  non_credible: 'Non-credible',
  credible: 'Credible',
  duplicate: 'Duplicate',
  open: 'Open',
};

export const GEO_PRECISION_LABELS: Record<GeoPrecision, string> = {
  exact: 'Exact',
  within_100m: 'Within 100 m',
  street: 'Street',
  landmark: 'Landmark',
  neighbourhood: 'Neighbourhood',
  village: 'Village',
  town: 'Town',
  city: 'City',
  subdistrict: 'Subdistrict',
  governorate: 'Governorate',
  unknown: 'Unknown',
};

export const STRIKE_STATUS_LABELS: Record<StrikeStatus, string> = {
  declared: 'Declared',
  likely: 'Likely',
  contested: 'Contested',
  single_source: 'Single-source claim',
};

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  local_media: 'Local media',
  social_media: 'Social media post',
  ngo_report: 'NGO report',
  belligerent_statement: 'Belligerent statement',
  witness_interview: 'Witness interview',
  imagery: 'Imagery',
  other: 'Other',
};

export const DATE_PRECISION_LABELS: Record<DatePrecision, string> = {
  day: 'Exact day',
  range: 'Date range',
  month: 'Month only',
  year: 'Year only',
  unknown: 'Unknown',
};

/** `labels[value]`, or a readable form of the value itself when it has no label. */
export function labelOf(labels: Record<string, string>, value: string | null | undefined, blank = '—'): string {
  if (value === null || value === undefined || value === '') return blank;
  return labels[value] ?? value.replace(/_/g, ' ');
}
