import { GRADE_DEFINITIONS, GRADE_LABELS, type Grade } from '../../shared/domain';

const UNGRADED_LABEL = 'Ungraded';
const UNGRADED_DEFINITION = 'Not yet graded by a reviewer.';

export function gradeLabel(grade: Grade | 'ungraded' | null): string {
  return grade === null || grade === 'ungraded' ? UNGRADED_LABEL : GRADE_LABELS[grade];
}

export function gradeDefinition(grade: Grade | 'ungraded' | null): string {
  return grade === null || grade === 'ungraded' ? UNGRADED_DEFINITION : GRADE_DEFINITIONS[grade];
}

/** A grade's label in its colour; hovering shows Airwars' definition of the grade. */
export function GradeBadge({ grade }: { grade: Grade | 'ungraded' | null }) {
  const key = grade ?? 'ungraded';
  return (
    <span className={`grade-badge grade-${key}`} title={gradeDefinition(grade)}>
      {gradeLabel(grade)}
    </span>
  );
}
