/** The shape of the bundled demo case: real incidents from the seed pages, in our own words. */
import type { IncidentInput } from '../../shared/schemas';
import type { SourceKind } from '../../shared/domain';

export interface DemoSource {
  kind: SourceKind;
  outlet: string | null;
  author: string | null;
  title: string | null;
  url: string | null;
  language: string | null;
  publishedDate: string | null; // YYYY-MM-DD
  /** A short paraphrase of what this source says about the incident (not a quotation). */
  excerptOriginal: string | null;
  credibilityNotes: string | null;
}

export interface DemoVictim {
  nameLatin: string | null;
  nameLocal: string | null;
  gender: 'male' | 'female' | 'unknown' | null;
  age: number | null;
  ageGroup: 'child' | 'adult' | 'elderly' | 'unknown' | null;
  harm: 'killed' | 'injured';
  familyGroup: string | null;
}

export interface DemoGradeStep {
  grade: NonNullable<IncidentInput['grade']>;
  rationale: string;
  /** ISO date the grade was given (e.g. before and after a belligerent's later confirmation). */
  at: string;
  by: string;
}

export interface DemoIncident {
  incident: IncidentInput;
  previousCodes?: string[];
  sources: DemoSource[];
  victims?: DemoVictim[];
  /** Earlier grades, oldest first; the incident's own grade is the current one. */
  gradeHistory?: DemoGradeStep[];
}
