/** The handlers of strike reports and strike matching (shared/contracts/strikes.ts). */
import type { Handlers } from './handlers';
import { computeStrikeMatches } from './crossref/strikeMatch';
import { decideStrikeMatch, matchesForIncident, strikeMatchQueue } from './crossref/strikeMatchReview';
import { importStrikeCsv } from './crossref/strikeCsv';
import { createStrikeReport, deleteStrikeReport, getStrikeReport, listStrikeReports, updateStrikeReport } from './strikeReports';

type StrikeChannel = 'strikes:list' | 'strikes:get' | 'strikes:create' | 'strikes:update' | 'strikes:delete' | 'strikes:importCsv' | 'strikeMatches:compute' | 'strikeMatches:forIncident' | 'strikeMatches:decide' | 'strikeMatches:queue';

export const strikeHandlers: Pick<Handlers, StrikeChannel> = {
  'strikes:list': listStrikeReports,
  'strikes:get': getStrikeReport,
  'strikes:create': createStrikeReport,
  'strikes:update': updateStrikeReport,
  'strikes:delete': deleteStrikeReport,
  'strikes:importCsv': importStrikeCsv,
  'strikeMatches:compute': computeStrikeMatches,
  'strikeMatches:forIncident': matchesForIncident,
  'strikeMatches:decide': decideStrikeMatch,
  'strikeMatches:queue': strikeMatchQueue,
};
