/** Test helpers for the workbench: a valid source and victim; override what the test is about. */
import type { SourceInput, VictimInput } from '../../shared/workbenchSchemas';

export function sourceInput(over: Partial<SourceInput> = {}): SourceInput {
  return {
    kind: 'social_media', outlet: 'X', author: '@raqqa_sl', url: 'https://x.com/raqqa_sl/status/1', archiveUrl: null,
    language: 'Arabic', publishedDate: '2017-03-17', accessedDate: '2017-03-18', title: 'غارة على الرقة',
    excerptOriginal: 'قتل خمسة مدنيين', excerptTranslation: 'Five civilians were killed', credibilityNotes: null,
    sensitivePersonal: false, sensitiveGraphic: true, ...over,
  };
}

export function victimInput(over: Partial<VictimInput> = {}): VictimInput {
  return {
    id: null, nameLatin: null, nameLocal: null, gender: null, age: null, ageGroup: null, harm: 'killed',
    familyGroup: null, civilianStatusContested: false, sensitive: false, ...over,
  };
}
