/**
 * JSON.stringify(value) in pieces: the same text, split so that a large document (an internal
 * bundle's data/case.json, ~200 MB) never has to be one string, and each piece can go to the
 * compressor as soon as it is written. Plain objects above `depth` levels and arrays down to it
 * are walked here (arrays `rowsPerChunk` elements at a time); everything below is JSON.stringify's.
 */

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

export function* jsonChunks(value: unknown, opts: { depth?: number; rowsPerChunk?: number } = {}): Generator<string> {
  const depth = opts.depth ?? 3;
  const per = opts.rowsPerChunk ?? 1000;
  if (depth > 0 && Array.isArray(value)) {
    if (value.length <= per) {
      yield JSON.stringify(value);
      return;
    }
    for (let i = 0; i < value.length; i += per) {
      // Elements as JSON.stringify writes them inside an array (undefined → null), brackets dropped.
      const part = JSON.stringify(value.slice(i, i + per));
      yield `${i === 0 ? '[' : ','}${part.slice(1, -1)}${i + per >= value.length ? ']' : ''}`;
    }
    return;
  }
  // An object on the last level is written whole: only arrays (of rows) are split there.
  if (depth > 1 && isPlainObject(value)) {
    let first = true;
    yield '{';
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue; // as JSON.stringify
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* jsonChunks(v, { depth: depth - 1, rowsPerChunk: per });
    }
    yield '}';
    return;
  }
  const text = JSON.stringify(value) as string | undefined;
  yield text ?? 'null';
}

/** The pieces of jsonChunks joined into strings of at least `minChars` (fewer, larger messages). */
export function* jsonTextChunks(value: unknown, minChars = 4 * 1024 * 1024, opts: { depth?: number; rowsPerChunk?: number } = {}): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const s of jsonChunks(value, opts)) {
    pending.push(s);
    length += s.length;
    if (length >= minChars) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}
