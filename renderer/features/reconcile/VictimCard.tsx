import { Link } from 'react-router-dom';
import type { VictimRef } from '../../../shared/contracts/reconcile';

const AGE_GROUPS: Record<string, string> = { child: 'child', adult: 'adult', elderly: 'elderly' };

function ageText(v: VictimRef): string | null {
  const group = v.ageGroup ? AGE_GROUPS[v.ageGroup] : undefined;
  if (v.age !== null) return group ? `${v.age} (${group})` : `age ${v.age}`;
  return group ?? null;
}

/** One victim record as the queue shows it: names in both scripts, who, and where it was recorded. */
export function VictimCard({ victim: v, label }: { victim: VictimRef; label: string }) {
  const facts = [v.gender && v.gender !== 'unknown' ? v.gender : null, ageText(v), v.harm, v.familyGroup ? `family: ${v.familyGroup}` : null].filter(
    Boolean,
  );
  return (
    <div className="victim-card" aria-label={label}>
      <p className="victim-names">
        {v.nameLatin && <strong dir="auto">{v.nameLatin}</strong>}
        {v.nameLatin && v.nameLocal && <br />}
        {v.nameLocal && (
          <strong dir="auto" lang="ar" className="arabic">
            {v.nameLocal}
          </strong>
        )}
      </p>
      <p className="small">{facts.length ? facts.join(' · ') : <span className="muted">No gender or age recorded</span>}</p>
      <p className="small">
        <Link to={`/incidents/${encodeURIComponent(v.incidentId)}`} className="code">
          {v.incidentCode}
        </Link>{' '}
        <span className="muted">{[v.incidentDate, v.place].filter(Boolean).join(' · ')}</span>
      </p>
    </div>
  );
}
