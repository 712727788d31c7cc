/** Handlers of profiles, review and the dashboard's series (shared/contracts/*), spread into `handlers`. */
import type { auditTrailContract } from '../shared/contracts/auditTrail';
import type { dashboardContract } from '../shared/contracts/dashboard';
import type { profileContract } from '../shared/contracts/profiles';
import type { reviewContract } from '../shared/contracts/review';
import { searchAudit } from './auditSearch';
import type { Handlers } from './handlers';
import { computeMonthly } from './monthlyStats';
import { createProfile, currentProfile, listProfiles, switchProfile } from './profiles';
import { reviewQueue } from './reviewQueue';
import { getReviewState } from './reviewState';
import { decideReview, gradeIncident, publishIncident, reopenIncident, submitForReview } from './workflow';

type Keys = keyof typeof profileContract | keyof typeof reviewContract | keyof typeof dashboardContract | keyof typeof auditTrailContract;

export const reviewHandlers: Pick<Handlers, Keys> = {
  'profile:current': (cf) => currentProfile(cf),
  'profile:list': (cf) => listProfiles(cf),
  'profile:create': createProfile,
  'profile:switch': switchProfile,
  'review:get': getReviewState,
  'review:queue': (cf) => reviewQueue(cf),
  'workflow:submit': submitForReview,
  'review:decide': decideReview,
  'grading:grade': gradeIncident,
  'workflow:publish': publishIncident,
  'workflow:reopen': reopenIncident,
  'stats:monthly': computeMonthly,
  'audit:search': searchAudit,
};
