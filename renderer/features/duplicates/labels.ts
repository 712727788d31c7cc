import { CASUALTY_LABELS } from '../../../shared/casualty';
import type { MergeField } from '../../../shared/contracts/duplicates';

export const MERGE_FIELD_LABELS: Record<MergeField, string> = {
  date: 'Date and time',
  placeEn: 'Place (English)',
  placeAr: 'Place (Arabic)',
  district: 'District',
  governorate: 'Governorate',
  country: 'Country',
  location: 'Location and precision',
  strikeType: 'Strike type',
  strikeStatus: 'Strike status',
  ...CASUALTY_LABELS,
  combatantsKilled: 'Combatants killed',
  combatantsInjured: 'Combatants injured',
  causeOfDeath: 'Cause of death',
  infrastructure: 'Infrastructure',
  summary: 'Summary',
  internalNotes: 'Internal notes',
  assignee: 'Assignee',
};

export const MOVE_LABELS = {
  sources: 'sources',
  captures: 'captures (with their sources)',
  victims: 'victims',
  belligerents: 'belligerents',
  strikeMatches: 'strike report links',
  webLinks: 'web links',
  incidentLinks: 'links to other incidents',
  codes: 'codes kept as earlier codes',
} as const;
