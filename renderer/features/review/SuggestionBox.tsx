import type { ReviewState } from '../../../shared/contracts/review';
import { GradeBadge } from '../../ui/GradeBadge';
import { STRIKE_STATUS_LABELS, labelOf } from '../../ui/labels';

/** The grade the evidence suggests, why, and the evidence it was computed from. */
export function SuggestionBox({ state }: { state: ReviewState }) {
  const { suggestion: s, evidence: e } = state;
  return (
    <div className="suggestion" data-testid="suggestion">
      <h3>Suggested by the evidence</h3>
      <p data-testid="suggested-grade">
        {s.grade ? <GradeBadge grade={s.grade} /> : <span className="muted">No suggestion</span>}
      </p>
      <ul className="reasons">
        {s.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p className="muted small">
        From: <span data-testid="independent-sources">{e.independentSources}</span> independent{' '}
        {e.independentSources === 1 ? 'source' : 'sources'}
        {e.sourcesLogged !== undefined && e.sourcesLogged !== e.independentSources ? ` (of ${e.sourcesLogged} logged)` : ''}; strike{' '}
        {labelOf(STRIKE_STATUS_LABELS, e.strikeStatus, 'status not recorded').toLowerCase()}; {e.belligerents.length}{' '}
        {e.belligerents.length === 1 ? 'belligerent' : 'belligerents'}
        {e.acceptedStrikeMatches > 0 ? `; ${e.acceptedStrikeMatches} matched strike reports` : ''}. The suggestion only
        advises: the reviewer grades.
      </p>
    </div>
  );
}
