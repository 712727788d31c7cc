import type { GradeFilterValue } from '../../app/filters';

/** The grade colours of styles.css (SVG fills need the values themselves). */
export const GRADE_COLORS: Record<GradeFilterValue, string> = {
  confirmed: '#8e1b1b',
  fair: '#b54708',
  weak: '#7a6a00',
  contested: '#5b3a9b',
  discounted: '#4b5563',
  ungraded: '#9ca3af',
};
