import { DATE_FORMATS, MAPPING_TARGETS, type ColumnMapping, type MappingTarget } from '../../../shared/mappingSchema';
import { WORKFLOW_LABELS, WORKFLOW_STATUSES, type WorkflowStatus } from '../../../shared/domain';
import { setTarget } from './mappingEdit';

const TARGET_LABELS: Record<MappingTarget, string> = { incidents: 'Incidents', sources: 'Sources of incidents', victims: 'Victims of incidents' };

/** What the rows are, and how ranges ("4", "1 – 2", "Unknown") and dates are written. */
export function ReadingOptions({ mapping, onChange }: { mapping: ColumnMapping; onChange: (m: ColumnMapping) => void }) {
  const rf = mapping.rangeFormat;
  const setRange = (patch: Partial<ColumnMapping['rangeFormat']>) => onChange({ ...mapping, rangeFormat: { ...rf, ...patch } });
  return (
    <div className="reading-options">
      <label>
        Each row is
        <select value={mapping.target} onChange={(e) => onChange(setTarget(mapping, e.target.value as MappingTarget))}>
          {MAPPING_TARGETS.map((t) => (
            <option key={t} value={t}>
              {TARGET_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>A single figure such as “4”</legend>
        <label>
          <input type="radio" name="range-single" checked={rf.single === 'exact'} onChange={() => setRange({ single: 'exact' })} /> is exact: 4 – 4
        </label>
        <label>
          <input type="radio" name="range-single" checked={rf.single === 'min'} onChange={() => setRange({ single: 'min' })} /> is a minimum: at least 4,
          maximum unknown
        </label>
      </fieldset>
      <fieldset>
        <legend>A blank or “Unknown”</legend>
        <label>
          <input type="radio" name="range-unknown" checked={rf.unknownAs === 'blank'} onChange={() => setRange({ unknownAs: 'blank' })} /> is unknown
          (blank)
        </label>
        <label>
          <input type="radio" name="range-unknown" checked={rf.unknownAs === 'zero'} onChange={() => setRange({ unknownAs: 'zero' })} /> is zero: 0 – 0
        </label>
      </fieldset>
      <label>
        Words that mean unknown (comma-separated)
        <input
          type="text"
          value={rf.unknownWords.join(', ')}
          onChange={(e) => setRange({ unknownWords: e.target.value.split(',').map((w) => w.trim()).filter(Boolean) })}
        />
      </label>
      <label>
        Dates are written
        <select value={mapping.dateFormat} onChange={(e) => onChange({ ...mapping, dateFormat: e.target.value as ColumnMapping['dateFormat'] })}>
          {DATE_FORMATS.map((f) => (
            <option key={f}>{f}</option>
          ))}
        </select>
      </label>
      {mapping.target === 'incidents' && (
        <>
          <label>
            Country when no column gives it
            <input
              type="text"
              value={mapping.defaults.country ?? ''}
              onChange={(e) => onChange({ ...mapping, defaults: { ...mapping.defaults, country: e.target.value || undefined } })}
            />
          </label>
          <label>
            Workflow status of new incidents
            <select
              value={mapping.defaults.status ?? ''}
              onChange={(e) => onChange({ ...mapping, defaults: { ...mapping.defaults, status: (e.target.value || undefined) as WorkflowStatus | undefined } })}
            >
              <option value="">As the importer decides</option>
              {WORKFLOW_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {WORKFLOW_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    </div>
  );
}
