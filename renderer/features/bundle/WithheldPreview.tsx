import type { BundlePreview } from '../../../shared/contracts/bundle';

type Withheld = BundlePreview['withheld'];

const GROUPS: { key: Exclude<keyof Withheld, 'tables'>; title: string }[] = [
  { key: 'incidentsLeftOut', title: 'Incidents left out' },
  { key: 'notesRemoved', title: 'Notes removed' },
  { key: 'victimsUnnamed', title: 'Victims counted but not named' },
  { key: 'sourcesWithheld', title: 'Sources withheld' },
  { key: 'capturesWithheld', title: 'Captures withheld' },
  { key: 'imagesStripped', title: 'Images with metadata stripped' },
];

const SHOWN = 50;

/** Exactly what the chosen profile leaves out or changes, before anything is written. */
export function WithheldPreview({ preview }: { preview: BundlePreview }) {
  const w = preview.withheld;
  const inc = preview.included;
  const nothing = GROUPS.every((g) => w[g.key].length === 0) && w.tables.length === 0;
  return (
    <section className="bundle-preview" aria-labelledby="withheld-heading" data-testid="withheld-preview">
      <h2 id="withheld-heading">What the bundle will hold</h2>
      <p data-testid="included-summary">
        {inc.incidents} incidents, {inc.sources} sources, {inc.victims} victims, {inc.captures} capture files ({formatBytes(inc.captureBytes)}).
      </p>
      <h3>Withheld or changed by “{preview.profile.name}”</h3>
      {nothing ? (
        <p className="muted">Nothing: every record in the selection goes into the bundle as it is.</p>
      ) : (
        <>
          <table className="withheld-counts">
            <tbody>
              {GROUPS.map((g) => (
                <tr key={g.key} data-testid={`withheld-${g.key}`}>
                  <th scope="row">{g.title}</th>
                  <td className="n">{w[g.key].length}</td>
                </tr>
              ))}
              {w.tables.map((t) => (
                <tr key={t.table} data-testid={`withheld-table-${t.table}`}>
                  <th scope="row">
                    Table <code>{t.table}</code>: {t.why}
                  </th>
                  <td className="n">{t.rows} rows</td>
                </tr>
              ))}
            </tbody>
          </table>
          {GROUPS.filter((g) => w[g.key].length > 0).map((g) => (
            <details key={g.key} open={w[g.key].length <= 10}>
              <summary>
                {g.title} ({w[g.key].length})
              </summary>
              <ul>
                {w[g.key].slice(0, SHOWN).map((item, i) => (
                  <li key={`${item.id}-${i}`}>
                    {item.label} <span className="muted">— {item.why}</span>
                  </li>
                ))}
                {w[g.key].length > SHOWN && <li className="muted">…and {w[g.key].length - SHOWN} more</li>}
              </ul>
            </details>
          ))}
        </>
      )}
      <p data-testid="signer">
        {preview.signer ? (
          <>
            The manifest will be signed by <strong>{preview.signer.name}</strong> (key {preview.signer.fingerprint}).
          </>
        ) : (
          <strong>The bundle will be unsigned: choose a profile with a signing key to sign it.</strong>
        )}
      </p>
    </section>
  );
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
