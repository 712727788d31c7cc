import type { z } from 'zod';
import type { snippetSchema } from '../../../shared/workbenchSchemas';

type Snippet = z.output<typeof snippetSchema>;

/** A snippet of a field's text with the matching words marked, in the text's own direction. */
export function Highlighted({ snippet }: { snippet: Snippet }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  snippet.highlights.forEach(([a, b], i) => {
    if (a < at) return;
    if (a > at) parts.push(snippet.text.slice(at, a));
    parts.push(<mark key={i}>{snippet.text.slice(a, b)}</mark>);
    at = b;
  });
  if (at < snippet.text.length) parts.push(snippet.text.slice(at));
  return (
    <span dir="auto" className="snippet">
      {snippet.cutStart && '… '}
      {parts}
      {snippet.cutEnd && ' …'}
    </span>
  );
}
