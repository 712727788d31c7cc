/** Bad inputs of the strike channels, each refused before any handler runs (used by handlers.test.ts). */
const report = { belligerent: 'Coalition', date: '2017-03-21', placeText: null, mgrs: null, latitude: null, longitude: null, target: null, text: 'A strike', url: null };

export const STRIKE_BAD_INPUTS = {
  'strikes:list': [
    { why: 'impossible date', input: { dateFrom: '2017-02-30' }, path: 'dateFrom' },
    { why: 'limit too large', input: { limit: 5000 }, path: 'limit' },
  ],
  'strikes:get': [{ why: 'no id', input: { id: '' }, path: 'id' }],
  'strikes:create': [
    { why: 'impossible date', input: { report: { ...report, date: '2017-13-01' } }, path: 'report.date' },
    { why: 'latitude without longitude', input: { report: { ...report, latitude: 35 } }, path: 'report.longitude' },
    { why: 'latitude out of range', input: { report: { ...report, latitude: 95, longitude: 38 } }, path: 'report.latitude' },
    { why: 'not a web address', input: { report: { ...report, url: 'ftp://x' } }, path: 'report.url' },
    { why: 'nothing at all', input: { report: { ...report, date: null, text: null } }, path: 'report.date' },
  ],
  'strikes:update': [{ why: 'no id', input: { id: '', report }, path: 'id' }],
  'strikes:delete': [{ why: 'no id', input: { id: '' }, path: 'id' }],
  'strikes:importCsv': [{ why: 'empty log', input: { csv: '' }, path: 'csv' }],
  'strikeMatches:compute': [{ why: 'empty incident id', input: { incidentId: '' }, path: 'incidentId' }],
  'strikeMatches:forIncident': [{ why: 'no incident', input: {}, path: 'incidentId' }],
  'strikeMatches:decide': [{ why: 'unknown decision', input: { strikeReportId: 'a', incidentId: 'b', decision: 'maybe' }, path: 'decision' }],
  'strikeMatches:queue': [{ why: 'negative offset', input: { offset: -1 }, path: 'offset' }],
};
