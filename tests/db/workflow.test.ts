/**
 * The review workflow as a state machine: who may move an incident where, what each move
 * records, and that every refused move writes nothing at all.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { change } from '../../db/audit';
import { call, dispatch } from '../../db/handlers';
import { clearProfile } from '../../db/profiles';
import type { Channel } from '../../shared/contract';
import { incidentInput, snapshot, unknownCasualties } from '../helpers/caseFiles';
import { team, type Team } from '../helpers/people';

const coalition = (patch: Record<string, unknown> = {}) => ({
  belligerent: 'U.S.-led Coalition',
  involvement: 'known' as const,
  position: 'not_yet_assessed' as const,
  concededKilled: { min: null, max: null },
  concededInjured: { min: null, max: null },
  locationText: null,
  mgrs: null,
  statement: null,
  ...patch,
});

const killed = (min: number, max: number) => ({ ...unknownCasualties(), killed: { min, max } });

/** An investigator's draft with `sources` independent sources (distinct outlets). */
function draft(t: Team, code: string, sources: number, patch: Parameters<typeof incidentInput>[0] = {}) {
  t.as('investigator');
  const inc = call(t.cf, 'incidents:create', {
    incident: incidentInput({ code, strikeStatus: 'likely', casualties: killed(3, 5), belligerents: [coalition()], ...patch }),
  });
  change(t.cf, 'Sources logged', (w) => {
    for (let i = 0; i < sources; i++) {
      const id = randomUUID();
      w.insert('sources', { id, kind: 'local_media', outlet: `Outlet ${i}`, title: `Report ${i}`, created_at: w.at, updated_at: w.at });
      w.insert('source_incidents', { source_id: id, incident_id: inc.id, ord: i });
    }
  });
  return inc;
}

/** A call that must be refused with `code`, having written nothing. */
function refused(t: Team, channel: Channel, input: unknown, code: string, message: RegExp) {
  const before = snapshot(t.cf);
  const r = dispatch(t.cf, channel, input);
  expect(r.ok, `${channel} should be refused`).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  expect(r.error.message).toMatch(message);
  expect(snapshot(t.cf)).toEqual(before);
}

describe('review workflow', () => {
  it('draft → review → changes requested → resubmitted → graded → published → reopened, each step recorded', () => {
    const t = team();
    const inc = draft(t, 'CS100', 2);

    const sent = call(t.as('investigator'), 'workflow:submit', { id: inc.id, assigneeId: t.ids.reviewer, comment: 'Two local outlets.' });
    expect(sent).toMatchObject({ status: 'in_review', assignee: { id: t.ids.reviewer, name: 'Rami Saleh' }, submittedBy: { name: 'Amira Haddad' } });
    expect(call(t.cf, 'review:queue', {}).submitted.map((r) => r.code)).toEqual(['CS100']);

    const queue = call(t.as('reviewer'), 'review:queue', {});
    expect(queue.toReview.map((r) => r.code)).toEqual(['CS100']);
    expect(queue.toReview[0]!.lastEvent).toMatchObject({ decision: 'submit', comment: 'Two local outlets.', by: { name: 'Amira Haddad' } });

    const back = call(t.cf, 'review:decide', { id: inc.id, decision: 'request_changes', comment: 'Add the second outlet’s URL.' });
    expect(back).toMatchObject({ status: 'draft', assignee: { id: t.ids.investigator } });
    expect(call(t.cf, 'review:queue', {}).toReview).toEqual([]);

    const returned = call(t.as('investigator'), 'review:queue', {}).returned;
    expect(returned.map((r) => r.code)).toEqual(['CS100']);
    expect(returned[0]!.lastEvent).toMatchObject({ decision: 'request_changes', comment: 'Add the second outlet’s URL.', by: { name: 'Rami Saleh' } });

    // The fix: a draft may be edited.
    call(t.cf, 'incidents:update', { id: inc.id, incident: incidentInput({ code: 'CS100', strikeStatus: 'likely', casualties: killed(3, 5), belligerents: [coalition()], summary: 'Fixed.' }) });
    call(t.cf, 'workflow:submit', { id: inc.id, assigneeId: t.ids.reviewer, comment: 'URL added.' });

    const graded = call(t.as('reviewer'), 'grading:grade', { id: inc.id, grade: 'fair', rationale: 'Two outlets and a likely Coalition strike.' });
    expect(graded).toMatchObject({ status: 'graded', grade: 'fair', gradeRationale: 'Two outlets and a likely Coalition strike.', locked: true, flagged: false });
    expect(graded.history).toEqual([
      expect.objectContaining({ grade: 'fair', suggestedGrade: 'fair', differsFromSuggestion: false, gradedBy: { id: t.ids.reviewer, name: 'Rami Saleh' } }),
    ]);

    const published = call(t.as('editor'), 'workflow:publish', { id: inc.id });
    expect(published.status).toBe('published');

    const reopened = call(t.as('reviewer'), 'workflow:reopen', { id: inc.id, reason: 'A belligerent statement arrived.' });
    expect(reopened).toMatchObject({ status: 'draft', grade: 'fair', locked: false });
    expect(reopened.events.map((e) => [e.decision, e.by.name, e.fromStatus, e.toStatus])).toEqual([
      ['submit', 'Amira Haddad', 'draft', 'in_review'],
      ['request_changes', 'Rami Saleh', 'in_review', 'draft'],
      ['submit', 'Amira Haddad', 'draft', 'in_review'],
      ['grade', 'Rami Saleh', 'in_review', 'graded'],
      ['publish', 'Lina Odeh', 'graded', 'published'],
      ['reopen', 'Rami Saleh', 'published', 'draft'],
    ]);
    expect(reopened.events[5]!.comment).toBe('A belligerent statement arrived.');
    // The audit trail names every author, and each of their entries is signed.
    const reasons = call(t.cf, 'audit:search', { entityId: inc.id, entity: 'review_decisions', limit: 50 }).entries.map((e) => [e.actor, e.signerName]);
    expect(reasons).toContainEqual(['Lina Odeh', 'Lina Odeh']);
    expect(call(t.cf, 'audit:verify', {})).toMatchObject({ ok: true, rowProblem: null });
  });

  it('locks a graded or published incident against edits until it is reopened, and says so', () => {
    const t = team();
    const inc = draft(t, 'CS101', 2);
    call(t.cf, 'workflow:submit', { id: inc.id, assigneeId: null });
    call(t.as('reviewer'), 'grading:grade', { id: inc.id, grade: 'fair', rationale: 'Corroborated.' });
    const edit = { id: inc.id, incident: incidentInput({ code: 'CS101', summary: 'Sneaky change', status: 'graded', grade: 'fair', gradeRationale: 'Corroborated.' }) };
    refused(t, 'incidents:update', edit, 'refused', /CS101 is graded and locked against edits\. A reviewer or editor can reopen it/);
    call(t.as('editor'), 'workflow:publish', { id: inc.id });
    refused(t, 'incidents:update', { ...edit, incident: { ...edit.incident, status: 'published' } }, 'refused', /published and locked/);

    call(t.cf, 'workflow:reopen', { id: inc.id, reason: 'Correct the summary.' });
    const saved = call(t.as('investigator'), 'incidents:update', { ...edit, incident: { ...edit.incident, status: 'draft' } });
    expect(saved.summary).toBe('Sneaky change');
  });

  it('refuses changing the status or the grade through an edit: they move only through review', () => {
    const t = team();
    const inc = draft(t, 'CS102', 2);
    const base = incidentInput({ code: 'CS102', strikeStatus: 'likely', casualties: killed(3, 5), belligerents: [coalition()] });
    refused(t, 'incidents:update', { id: inc.id, incident: { ...base, status: 'published' } }, 'refused', /status changes only through the review workflow/);
    refused(t, 'incidents:update', { id: inc.id, incident: { ...base, grade: 'confirmed', gradeRationale: 'Trust me.' } }, 'refused', /grade is given in the grading panel by a reviewer/);
  });

  it('refuses every illegal move with its reason, writing nothing', () => {
    const t = team();
    const inc = draft(t, 'CS103', 1);
    const id = inc.id;

    refused(t, 'grading:grade', { id, grade: 'weak', rationale: 'x' }, 'refused', /CS103 is draft; only an incident that is ready for review/);
    refused(t, 'workflow:publish', { id }, 'refused', /only an incident that is graded/);
    refused(t, 'workflow:reopen', { id, reason: 'why not' }, 'refused', /only an incident that is graded or published/);
    refused(t, 'workflow:submit', { id, assigneeId: t.ids.investigator }, 'invalid_input', /Amira Haddad is an investigator; send it to a reviewer or an editor/);
    refused(t, 'workflow:submit', { id, assigneeId: 'nobody' }, 'invalid_input', /not a person in this case file/);
    refused(t, 'workflow:submit', { id: 'no-such-incident', assigneeId: null }, 'not_found', /No incident with id no-such-incident/);

    call(t.cf, 'workflow:submit', { id, assigneeId: t.ids.reviewer });
    refused(t, 'workflow:submit', { id, assigneeId: t.ids.reviewer }, 'refused', /CS103 is ready for review; only an incident that is draft/);
    refused(t, 'grading:grade', { id, grade: 'weak', rationale: 'Mine.' }, 'refused', /Only a reviewer or editor can grade it; you are signed in as Amira Haddad, an investigator/);
    refused(t, 'review:decide', { id, decision: 'request_changes', comment: 'x' }, 'refused', /Only a reviewer can request changes/);

    t.as('editor');
    refused(t, 'review:decide', { id, decision: 'request_changes', comment: 'x' }, 'refused', /^Only a reviewer can request changes; you are signed in as Lina Odeh, an editor\. Nothing was changed\.$/);
    refused(t, 'workflow:publish', { id }, 'refused', /only an incident that is graded/);

    t.as('reviewer');
    refused(t, 'review:decide', { id, decision: 'approve' }, 'refused', /CS103 has no grade yet: grade it, with a rationale, to approve it/);

    // Without a profile nobody may move anything.
    clearProfile(t.cf, 'someone');
    refused(t, 'grading:grade', { id, grade: 'weak', rationale: 'x' }, 'refused', /Choose or create your profile to grade it/);
  });

  it('a second person must review: whoever sent it for review cannot grade or decide it', () => {
    const t = team();
    t.as('reviewer');
    const inc = call(t.cf, 'incidents:create', { incident: incidentInput({ code: 'CS104', belligerents: [coalition()] }) });
    call(t.cf, 'workflow:submit', { id: inc.id, assigneeId: null });
    refused(t, 'grading:grade', { id: inc.id, grade: 'weak', rationale: 'Mine.' }, 'refused', /You sent CS104 for review, so a second person must grade it/);
    refused(t, 'review:decide', { id: inc.id, decision: 'request_changes', comment: 'x' }, 'refused', /a second person must request changes/);
    refused(t, 'workflow:submit', { id: inc.id, assigneeId: t.ids.reviewer }, 'refused', /ready for review/);
    // Unassigned: it is in every reviewer's queue but the submitter's.
    expect(call(t.cf, 'review:queue', {}).toReview.map((r) => r.code)).toEqual(['CS104']);
    expect(call(t.as('reviewer2'), 'review:queue', {}).toReview.map((r) => r.code)).toEqual(['CS104']);
    expect(call(t.cf, 'grading:grade', { id: inc.id, grade: 'weak', rationale: 'One source.' }).grade).toBe('weak');
  });

  it('flags a grade that differs from the suggestion, for the reviewer and the editor who publishes', () => {
    const t = team();
    const inc = draft(t, 'CS105', 1); // one source: Weak suggested
    call(t.cf, 'workflow:submit', { id: inc.id, assigneeId: null });
    const state = call(t.as('reviewer'), 'review:get', { id: inc.id });
    expect(state.suggestion).toMatchObject({ grade: 'weak', basis: 'single_source' });
    expect(state.evidence).toMatchObject({ independentSources: 1, strikeStatus: 'likely' });
    expect(state.actions.grade).toEqual({ allowed: true, why: null });

    const graded = call(t.cf, 'grading:grade', { id: inc.id, grade: 'fair', rationale: 'A second outlet confirmed by phone.' });
    expect(graded.flagged).toBe(true);
    expect(graded.history[0]).toMatchObject({ grade: 'fair', suggestedGrade: 'weak', differsFromSuggestion: true });
    expect(graded.history[0]!.suggestionReasons[0]).toMatch(/Only one independent source/);
    // The evidence the grade rested on is kept with it.
    const row = t.cf.db.prepare('SELECT evidence_json FROM grade_history WHERE incident_id = ?').get(inc.id) as { evidence_json: string };
    expect(JSON.parse(row.evidence_json)).toMatchObject({ independentSources: 1, strikeStatus: 'likely' });
    const publish = call(t.as('editor'), 'review:queue', {}).toPublish;
    expect(publish).toEqual([expect.objectContaining({ code: 'CS105', flagged: true })]);
  });

  it('keeps the first grade when a belligerent later confirms, and approving keeps the current grade', () => {
    const t = team();
    const inc = draft(t, 'CS106', 3);
    call(t.cf, 'workflow:submit', { id: inc.id, assigneeId: t.ids.reviewer });
    call(t.as('reviewer'), 'grading:grade', { id: inc.id, grade: 'fair', rationale: 'Three outlets, likely strike.' });
    call(t.cf, 'workflow:reopen', { id: inc.id, reason: 'The Coalition accepted responsibility.' });

    // The Coalition's admission is recorded on the reopened draft, and it goes back for review.
    call(t.as('investigator'), 'incidents:update', {
      id: inc.id,
      incident: incidentInput({
        code: 'CS106', strikeStatus: 'likely', casualties: killed(3, 5), grade: 'fair', gradeRationale: 'Three outlets, likely strike.',
        belligerents: [coalition({ position: 'credible', concededKilled: { min: 3, max: 3 } })],
      }),
    });
    call(t.cf, 'workflow:submit', { id: inc.id, assigneeId: t.ids.reviewer });
    const s = call(t.as('reviewer'), 'review:get', { id: inc.id });
    expect(s.suggestion.grade).toBe('confirmed');
    expect(s.actions.approve.allowed).toBe(true); // it still has its Fair grade
    const confirmed = call(t.cf, 'grading:grade', { id: inc.id, grade: 'confirmed', rationale: 'The Coalition conceded 3 deaths.' });
    expect(confirmed.history.map((h) => [h.grade, h.suggestedGrade, h.rationale])).toEqual([
      ['fair', 'fair', 'Three outlets, likely strike.'],
      ['confirmed', 'confirmed', 'The Coalition conceded 3 deaths.'],
    ]);

    // A reopened incident whose grade stands can be approved as it is: no new grade is recorded.
    call(t.cf, 'workflow:reopen', { id: inc.id, reason: 'Typo in the summary.' });
    call(t.as('investigator'), 'workflow:submit', { id: inc.id, assigneeId: null });
    const approved = call(t.as('reviewer2'), 'review:decide', { id: inc.id, decision: 'approve', comment: 'Grade stands.' });
    expect(approved).toMatchObject({ status: 'graded', grade: 'confirmed' });
    expect(approved.history).toHaveLength(2);
    expect(approved.events[approved.events.length - 1]).toMatchObject({ decision: 'approve', comment: 'Grade stands.', by: { name: 'Omar Khalil' } });
  });
});
