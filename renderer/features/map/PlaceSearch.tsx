/**
 * The place search box: a combobox over the gazetteer (arrow keys move, Enter picks, Escape
 * closes), listing each place's English and Arabic names, kind, governorate and country.
 */
import { useId, useMemo, useState } from 'react';
import type { Gazetteer, Place, SearchHit } from './gazetteer';

const KIND: Record<Place['kind'], string> = {
  city: 'city',
  town: 'town',
  village: 'village',
  neighbourhood: 'neighbourhood',
  camp: 'camp',
  landmark: 'landmark',
  governorate: 'governorate',
};
const COUNTRY: Record<string, string> = { SY: 'Syria', IQ: 'Iraq', TR: 'Turkey', JO: 'Jordan', LB: 'Lebanon', SA: 'Saudi Arabia', IR: 'Iran', IL: 'Israel', PS: 'Palestine', KW: 'Kuwait', CY: 'Cyprus' };

export function PlaceSearch({ gazetteer, onPick }: { gazetteer: Gazetteer | null; onPick: (place: Place) => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const hits: SearchHit[] = useMemo(() => (gazetteer && query.trim() ? gazetteer.search(query, 12) : []), [gazetteer, query]);
  const listId = `${id}-results`;

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onPick(hit.place);
    setQuery(hit.place.en);
    setOpen(false);
  };

  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      if (open && hits.length) {
        e.preventDefault();
        pick(hits[active]);
      }
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const showList = open && query.trim() !== '';
  return (
    <div className="place-search">
      <label htmlFor={`${id}-input`}>Find a place (English or Arabic)</label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={showList && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `${id}-hit-${active}` : undefined}
        value={query}
        placeholder={gazetteer ? 'e.g. Baghuz, الباغوز, Raqqa' : 'Loading the gazetteer…'}
        disabled={!gazetteer}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKey}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        data-testid="place-search"
      />
      {showList && (
        <ul id={listId} role="listbox" className="picker-results" aria-label="Places found">
          {hits.length === 0 && <li className="muted">No place of that name in the gazetteer. Click the map or type the coordinates.</li>}
          {hits.map((h, i) => (
            <li
              key={h.place.id}
              id={`${id}-hit-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(h);
              }}
            >
              <strong>{h.place.en}</strong>
              {h.place.ar && (
                <span lang="ar" dir="rtl">
                  {' '}
                  {h.place.ar}
                </span>
              )}{' '}
              <span className="muted">
                {KIND[h.place.kind]}
                {h.place.kind !== 'governorate' && gazetteer?.governorateName(h.place.gov) ? `, ${gazetteer.governorateName(h.place.gov)}` : ''}, {COUNTRY[h.place.cc] ?? h.place.cc}
                {h.matched !== h.place.en && h.matched !== h.place.ar ? ` — also “${h.matched}”` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
