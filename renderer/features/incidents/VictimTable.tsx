import type { Victim } from '../../../shared/schemas';
import { EmptyState } from '../../ui/EmptyState';

const GENDER_LABELS: Record<string, string> = { male: 'Male', female: 'Female', unknown: 'Unknown' };
const AGE_GROUP_LABELS: Record<string, string> = { child: 'Child', adult: 'Adult', elderly: 'Elderly', unknown: 'Unknown' };
const HARM_LABELS: Record<string, string> = { killed: 'Killed', injured: 'Injured' };

function ageText(v: Victim): string {
  const group = v.ageGroup ? AGE_GROUP_LABELS[v.ageGroup] : null;
  if (v.age !== null) return group ? `${v.age} (${group.toLowerCase()})` : String(v.age);
  return group ?? '—';
}

/** The people killed or injured, with their names in both scripts. */
export function VictimTable({ victims }: { victims: Victim[] }) {
  return (
    <section className="card" aria-labelledby="victims-heading">
      <h2 id="victims-heading">Victims ({victims.length})</h2>
      {victims.length === 0 ? (
        <EmptyState title="No victim named or recorded." />
      ) : (
        <div className="table-wrap">
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Name (local script)</th>
                <th scope="col">Gender</th>
                <th scope="col">Age</th>
                <th scope="col">Killed / injured</th>
                <th scope="col">Family</th>
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody>
              {victims.map((v) => (
                <tr key={v.id} data-testid="victim">
                  <td dir="auto">{v.nameLatin ?? <span className="muted">—</span>}</td>
                  <td>
                    {v.nameLocal ? (
                      <span dir="auto" lang="ar" className="arabic">
                        {v.nameLocal}
                      </span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>{v.gender ? GENDER_LABELS[v.gender] : '—'}</td>
                  <td>{ageText(v)}</td>
                  <td>{v.harm ? HARM_LABELS[v.harm] : '—'}</td>
                  <td dir="auto">{v.familyGroup ?? '—'}</td>
                  <td>
                    {v.civilianStatusContested && <span className="tag warn">Civilian status contested</span>}{' '}
                    {v.sensitive && <span className="tag">Sensitive</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
