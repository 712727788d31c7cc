import { useId, useState } from 'react';
import type { ChannelInput } from '../../../shared/contract';
import { PathField } from './PathField';

export interface CsvChoice {
  /** How the file crosses the contract: its path on this computer, or its text. */
  input: ChannelInput<'import:preview'>['csv'];
  /** How the page names it. */
  label: string;
}

const MAX_TEXT_BYTES = 100 * 1024 * 1024;

/** Choose the spreadsheet: a path on this computer, or a file read by the page. */
export function CsvSourceStep({ onChosen }: { onChosen: (c: CsvChoice) => void }) {
  const [path, setPath] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const fileId = useId();
  async function readFile(file: File | undefined) {
    setNote(null);
    if (!file) return;
    if (file.size > MAX_TEXT_BYTES) return setNote(`${file.name} is over 100 MB; give its path instead.`);
    onChosen({ input: { text: await file.text(), name: file.name }, label: file.name });
  }
  return (
    <form
      className="import-form"
      aria-label="Choose a CSV file"
      onSubmit={(e) => {
        e.preventDefault();
        if (path.trim()) onChosen({ input: { path: path.trim() }, label: path.trim() });
      }}
    >
      <PathField label="CSV file" kind="csv" value={path} onChange={setPath} hint="The first row must name the columns." />
      <button type="submit" className="primary" disabled={!path.trim()}>
        Map its columns
      </button>
      <p className="small">
        <label htmlFor={fileId}>Or read a file into the page: </label>
        <input id={fileId} type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void readFile(e.target.files?.[0])} />
      </p>
      {note && <p role="alert">{note}</p>}
    </form>
  );
}
