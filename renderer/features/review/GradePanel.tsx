import { useState, type FormEvent } from 'react';
import type { ReviewState } from '../../../shared/contracts/review';
import { GRADES, GRADE_DEFINITIONS, GRADE_LABELS, type Grade } from '../../../shared/domain';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { GradeBadge } from '../../ui/GradeBadge';
import { useReviewAction } from './useReviewAction';

interface Props {
  state: ReviewState;
  onDone: (next: ReviewState) => void;
}

/**
 * The five grades with their definitions, always in view. When the current profile may grade,
 * they are the choice itself: pick one, write why, and grade. A choice that differs from the
 * suggested grade says so before it is made, because it will be flagged.
 */
export function GradePanel({ state, onDone }: Props) {
  const action = useReviewAction(onDone);
  const canGrade = state.actions.grade.allowed;
  const [chosen, setChosen] = useState<Grade | null>(null);
  const [rationale, setRationale] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const differs = chosen !== null && state.suggestion.grade !== null && chosen !== state.suggestion.grade;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!chosen) return setProblem('Choose a grade.');
    if (!rationale.trim()) return setProblem('Write the rationale: why this grade, on what evidence.');
    setProblem(null);
    const ok = await action.run('grading:grade', { id: state.incidentId, grade: chosen, rationale });
    if (ok) {
      setChosen(null);
      setRationale('');
    }
  }

  if (!canGrade) {
    return (
      <div className="grade-definitions">
        <h3>The grades</h3>
        <dl>
          {GRADES.map((g) => (
            <div key={g} className={state.grade === g ? 'current' : undefined}>
              <dt>
                <GradeBadge grade={g} />
              </dt>
              <dd>{GRADE_DEFINITIONS[g]}</dd>
            </div>
          ))}
        </dl>
      </div>
    );
  }

  return (
    <form className="grade-form" onSubmit={(e) => void onSubmit(e)} aria-labelledby="grade-form-heading" noValidate>
      <h3 id="grade-form-heading">Grade this incident</h3>
      <fieldset className="grade-choices">
        <legend className="visually-hidden">Grade</legend>
        {GRADES.map((g) => (
          <label key={g} className={`grade-choice${chosen === g ? ' chosen' : ''}`}>
            <input type="radio" name="grade" value={g} checked={chosen === g} onChange={() => setChosen(g)} />
            <span>
              <span className={`grade-badge grade-${g}`}>{GRADE_LABELS[g]}</span>
              {state.suggestion.grade === g && <span className="suggested-tag"> suggested</span>}
              <span className="definition">{GRADE_DEFINITIONS[g]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {differs && (
        <p className="warning" role="status" data-testid="differs-warning">
          {GRADE_LABELS[chosen!]} differs from the suggested {GRADE_LABELS[state.suggestion.grade!]}: the grade will be flagged
          for review. Say in the rationale what the evidence above does not show.
        </p>
      )}
      <div className="field">
        <label htmlFor="grade-rationale">Rationale</label>
        <textarea
          id="grade-rationale"
          rows={4}
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
          aria-describedby="grade-rationale-hint"
          dir="auto"
        />
        <span id="grade-rationale-hint" className="field-hint">
          Required: why this grade, on which sources and statements. It is kept in the grade history.
        </span>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {action.error && <ErrorMessage error={action.error} />}
      <button type="submit" className="primary" disabled={action.busy !== null}>
        {chosen ? `Grade ${GRADE_LABELS[chosen]}` : 'Grade'}
      </button>
    </form>
  );
}
