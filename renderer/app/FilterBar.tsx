import { useEffect, useRef, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { BELLIGERENT_POSITIONS, WORKFLOW_LABELS, WORKFLOW_STATUSES, type WorkflowStatus } from '../../shared/domain';
import type { IncidentFilter } from '../../shared/schemas';
import { gradeLabel } from '../ui/GradeBadge';
import { POSITION_LABELS } from '../ui/labels';
import { AreaFilterNote } from '../features/map/AreaFilterNote';
import { GRADE_FILTER_VALUES, filterToParams, isFiltered, parseFilter, type GradeFilterValue } from './filters';

/**
 * The filter form shared by the incidents list and the dashboard. The URL is the state: the
 * form reads its values from the search params and writes them back on Apply (checkboxes
 * apply at once). Changing the filter returns the list to its first page.
 */
export function FilterBar() {
  const [params, setParams] = useSearchParams();
  const filter = parseFilter(params);
  const form = useRef<HTMLFormElement>(null);

  function apply(next: IncidentFilter) {
    const updated = filterToParams(next, params);
    updated.delete('offset');
    setParams(updated);
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const str = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const next: IncidentFilter = {};
    const grade = data.getAll('grade').map(String) as GradeFilterValue[];
    const status = data.getAll('status').map(String) as WorkflowStatus[];
    if (grade.length) next.grade = grade;
    if (status.length) next.status = status;
    const fields = { belligerent: str('belligerent'), country: str('country'), codePrefix: str('code'), from: str('from'), to: str('to') };
    for (const [k, v] of Object.entries(fields)) if (v) next[k as keyof typeof fields] = v;
    const governorate = str('governorate');
    if (governorate) next.governorate = governorate;
    const located = str('located');
    if (located === 'yes' || located === 'no') next.hasCoordinates = located === 'yes';
    const problems = str('problems');
    if (problems === 'yes' || problems === 'no') next.hasProblems = problems === 'yes';
    if (data.get('assigned') === 'me') next.assignedTo = 'me';
    const position = str('position');
    if (position) next.belligerentPosition = position as NonNullable<IncidentFilter['belligerentPosition']>;
    // The area drawn on the map has no field here: it stays until cleared.
    if (filter.bbox) next.bbox = filter.bbox;
    apply(next);
  }

  const submitNow = () => form.current?.requestSubmit();

  // When the URL changes elsewhere (a link, Back), show its filter in the fields. Writing the
  // values in place, rather than remounting the form, keeps the keyboard focus where it was.
  const urlFilter = filterToParams(filter).toString();
  useEffect(() => {
    if (form.current) fillForm(form.current, parseFilter(new URLSearchParams(urlFilter)));
  }, [urlFilter]);

  return (
    <form ref={form} className="filter-bar" onSubmit={onSubmit} aria-label="Filter incidents">
      <fieldset>
        <legend>Grade</legend>
        {GRADE_FILTER_VALUES.map((g) => (
          <label key={g} className="check">
            <input type="checkbox" name="grade" value={g} defaultChecked={filter.grade?.includes(g) ?? false} onChange={submitNow} />
            {gradeLabel(g)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Status</legend>
        {WORKFLOW_STATUSES.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" name="status" value={s} defaultChecked={filter.status?.includes(s) ?? false} onChange={submitNow} />
            {WORKFLOW_LABELS[s]}
          </label>
        ))}
      </fieldset>
      <div className="filter-fields">
        <label>
          Belligerent
          <input type="search" name="belligerent" defaultValue={filter.belligerent ?? ''} placeholder="e.g. Coalition" />
        </label>
        <label>
          Country
          <input type="search" name="country" defaultValue={filter.country ?? ''} placeholder="e.g. Syria" />
        </label>
        <label>
          Governorate
          <input type="search" name="governorate" defaultValue={filter.governorate ?? ''} placeholder="e.g. Raqqa" />
        </label>
        <label>
          Location
          <select name="located" defaultValue={locatedValue(filter)} onChange={submitNow}>
            <option value="">Any</option>
            <option value="yes">With coordinates</option>
            <option value="no">Without coordinates</option>
          </select>
        </label>
        <label>
          Data problems
          <select name="problems" defaultValue={yesNo(filter.hasProblems)} onChange={submitNow}>
            <option value="">Any</option>
            <option value="yes">With data problems</option>
            <option value="no">Without data problems</option>
          </select>
        </label>
        <label>
          Belligerent's position
          <select name="position" defaultValue={filter.belligerentPosition ?? ''} onChange={submitNow}>
            <option value="">Any</option>
            {BELLIGERENT_POSITIONS.map((p) => (
              <option key={p} value={p}>
                {POSITION_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" name="assigned" value="me" defaultChecked={filter.assignedTo === 'me'} onChange={submitNow} />
          Assigned to me
        </label>
        <label>
          Code starts with
          <input type="search" name="code" defaultValue={filter.codePrefix ?? ''} placeholder="e.g. CS" />
        </label>
        <label>
          From
          <input type="date" name="from" defaultValue={filter.from ?? ''} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={filter.to ?? ''} />
        </label>
        <AreaFilterNote bbox={filter.bbox} onClear={() => apply({ ...filter, bbox: undefined })} />
        <div className="filter-actions">
          <button type="submit">Apply</button>
          <button type="button" disabled={!isFiltered(filter)} onClick={() => apply({})}>
            Clear filters
          </button>
        </div>
      </div>
    </form>
  );
}

function yesNo(value: boolean | undefined): string {
  return value === undefined ? '' : value ? 'yes' : 'no';
}

function locatedValue(filter: IncidentFilter): string {
  return yesNo(filter.hasCoordinates);
}

function fillForm(form: HTMLFormElement, filter: IncidentFilter) {
  const located = form.elements.namedItem('located');
  if (located instanceof HTMLSelectElement) located.value = locatedValue(filter);
  const problems = form.elements.namedItem('problems');
  if (problems instanceof HTMLSelectElement) problems.value = yesNo(filter.hasProblems);
  const position = form.elements.namedItem('position');
  if (position instanceof HTMLSelectElement) position.value = filter.belligerentPosition ?? '';
  const texts: Record<string, string | undefined> = {
    governorate: filter.governorate,
    belligerent: filter.belligerent,
    country: filter.country,
    code: filter.codePrefix,
    from: filter.from,
    to: filter.to,
  };
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement)) continue;
    if (el.type === 'checkbox' && el.name === 'assigned') {
      el.checked = filter.assignedTo === 'me';
    } else if (el.type === 'checkbox') {
      const chosen: readonly string[] = (el.name === 'grade' ? filter.grade : filter.status) ?? [];
      el.checked = chosen.includes(el.value);
    } else if (el.name in texts) {
      el.value = texts[el.name] ?? '';
    }
  }
}
