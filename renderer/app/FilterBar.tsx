import { useEffect, useRef, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { WORKFLOW_LABELS, WORKFLOW_STATUSES, type WorkflowStatus } from '../../shared/domain';
import type { IncidentFilter } from '../../shared/schemas';
import { gradeLabel } from '../ui/GradeBadge';
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

function fillForm(form: HTMLFormElement, filter: IncidentFilter) {
  const texts: Record<string, string | undefined> = {
    belligerent: filter.belligerent,
    country: filter.country,
    code: filter.codePrefix,
    from: filter.from,
    to: filter.to,
  };
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement)) continue;
    if (el.type === 'checkbox') {
      const chosen: readonly string[] = (el.name === 'grade' ? filter.grade : filter.status) ?? [];
      el.checked = chosen.includes(el.value);
    } else if (el.name in texts) {
      el.value = texts[el.name] ?? '';
    }
  }
}
