import { CASUALTY_FIELDS, CASUALTY_LABELS, casualtyProblems, type Casualties } from '../../../shared/casualty';
import { RangeText } from '../../ui/RangeText';

/** Every casualty range the incident records, with any rule the stored figures break. */
export function CasualtyTable({ casualties }: { casualties: Casualties }) {
  const problems = casualtyProblems(casualties);
  return (
    <section className="card" aria-labelledby="casualties-heading">
      <h2 id="casualties-heading">Casualties</h2>
      <table className="compact">
        <tbody>
          {CASUALTY_FIELDS.map((f) => (
            <tr key={f}>
              <th scope="row">{CASUALTY_LABELS[f]}</th>
              <td className="num">
                <RangeText range={casualties[f]} testId={`casualty-${f}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > 0 && (
        <div className="data-quality" role="note">
          <strong>Data-quality problems</strong> (kept as recorded, not corrected):
          <ul>
            {problems.map((p) => (
              <li key={`${p.field}-${p.bound}-${p.message}`}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
