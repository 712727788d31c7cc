/**
 * Compress a zip's files on another thread while this one goes on building the next ones (the
 * export: CSVs, GeoJSON, report pages, then data/case.json in pieces). Each file is handed over
 * whole (`file`) or in pieces (`begin`, `chunk`..., `end`: a ~200 MB data file never has to be
 * one string here); the worker encodes text as UTF-8 and returns each file's CRC-32, SHA-256,
 * size and body (deflated, or stored when deflate would not make it smaller) as each is done (a
 * file given in pieces may come back after files handed over after it).
 *
 * The export is synchronous (a generator the CLI runs to the end, the app a slice at a time), so
 * results are taken with receiveMessageOnPort and waited for with Atomics.wait on a shared
 * counter: no event-loop turn is needed. `take(ms)` waits at most `ms`, so the caller can report
 * progress (and be cancelled) while the last files are compressed.
 *
 * The worker is inline source (eval), not a file: nothing to bundle for the app.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

export interface CompressedFile {
  name: string;
  /** 8: `body` is a raw deflate stream; 0: stored as is. */
  method: number;
  body: Buffer;
  crc: number;
  size: number;
  sha256: string;
}

export interface BackgroundCompressor {
  /** A whole file (text is written as UTF-8). The bytes are copied, not taken. */
  file(name: string, content: Buffer | string): void;
  /** A file given in pieces: `begin`, then `chunk`s, then `end` (nothing else in between). */
  begin(name: string): void;
  chunk(content: Buffer | string): void;
  end(): void;
  /** Files handed over and not yet taken. */
  pending(): number;
  /** Roughly how many bytes of whole files wait on the worker (a file given in pieces is not counted). */
  backlog(): number;
  /** The files compressed so far; when none is ready, waits up to `waitMs` for one. */
  take(waitMs?: number): CompressedFile[];
  /** Stop the worker (when done, or to abandon the work). */
  close(): void;
}

// flag[0]: results posted; flag[1]: messages taken (shows the worker is alive while it works).
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const zlib = require('node:zlib');
const { createHash } = require('node:crypto');
const flag = new Int32Array(workerData.flag);
const port = workerData.port;
const level = workerData.level;
const post = (message, transfer) => {
  port.postMessage(message, transfer);
  Atomics.add(flag, 0, 1);
  Atomics.notify(flag, 0);
};
const fail = (e) => post({ error: String((e && e.message) || e) }, []);
process.on('uncaughtException', fail);
const owned = (b) => (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? [b.buffer] : []);
let stream = null;
parentPort.on('message', (m) => {
  try {
    Atomics.add(flag, 1, 1);
    if (m.op === 'file') {
      const data = typeof m.content === 'string' ? Buffer.from(m.content, 'utf8') : Buffer.from(m.content.buffer, m.content.byteOffset, m.content.byteLength);
      let method = 0;
      let body = data;
      if (data.length > 0) {
        const deflated = zlib.deflateRawSync(data, { level });
        if (deflated.length < data.length) { method = 8; body = deflated; }
      }
      const sha256 = createHash('sha256').update(data).digest('hex');
      post({ name: m.name, method, body, crc: zlib.crc32(data) >>> 0, size: data.length, sha256 }, method === 8 ? owned(body) : []);
    } else if (m.op === 'begin') {
      const s = { name: m.name, crc: 0, size: 0, hash: createHash('sha256'), out: [], deflate: zlib.createDeflateRaw({ level }) };
      stream = s;
      s.deflate.on('data', (c) => s.out.push(c));
      s.deflate.on('error', fail);
      s.deflate.on('end', () => {
        const body = Buffer.concat(s.out);
        post({ name: s.name, method: 8, body, crc: s.crc >>> 0, size: s.size, sha256: s.hash.digest('hex') }, owned(body));
      });
    } else if (m.op === 'chunk') {
      const b = typeof m.content === 'string' ? Buffer.from(m.content, 'utf8') : Buffer.from(m.content.buffer, m.content.byteOffset, m.content.byteLength);
      stream.crc = zlib.crc32(b, stream.crc);
      stream.hash.update(b);
      stream.size += b.length;
      stream.deflate.write(b);
    } else if (m.op === 'end') {
      stream.deflate.end();
      stream = null;
    }
  } catch (e) {
    fail(e);
  }
});
`;

/** How long the worker may take no message and give no result before it is taken for dead. */
const STALL_MS = 120_000;

type Result = Omit<CompressedFile, 'body'> & { body: Uint8Array; error?: string };

/**
 * Block until flag[0] moves from `seen` or `ms` pass. Where this thread may not block (a thread
 * whose embedder forbids Atomics.wait throws a TypeError), it watches the flag instead.
 */
function waiter(flag: Int32Array, blocking: boolean): (seen: number, ms: number) => 'ok' | 'not-equal' | 'timed-out' {
  let canBlock = blocking;
  return (seen, ms) => {
    if (canBlock) {
      try {
        return Atomics.wait(flag, 0, seen, ms);
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
        canBlock = false;
      }
    }
    const until = Date.now() + ms;
    while (Date.now() < until) if (Atomics.load(flag, 0) !== seen) return 'ok';
    return 'timed-out';
  };
}

export function backgroundCompressor(opts: { level?: number; blockingWait?: boolean } = {}): BackgroundCompressor {
  const flag = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    execArgv: [], // plain CommonJS: none of this process's loaders (tsx) or flags
    workerData: { flag: flag.buffer, port: port2, level: opts.level ?? 6 },
    transferList: [port2 as MessagePort],
  });
  // The export runs synchronously: nothing here waits on the event loop for the worker.
  worker.unref();
  let expected = 0; // files handed over
  let taken = 0; // results taken
  const waitFor = waiter(flag, opts.blockingWait ?? true);
  let streaming = false;
  const queued = new Map<string, number>(); // whole files handed over: name → length
  let backlog = 0;
  let closed = false;
  let alive = { messages: 0, at: Date.now() };
  const send = (m: unknown) => {
    if (closed) throw new Error('background compressor: used after close');
    worker.postMessage(m);
  };
  const drain = (): CompressedFile[] => {
    const out: CompressedFile[] = [];
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
      const r = m.message as Result;
      if (r.error) throw new Error(`Compressing the bundle's files failed: ${r.error}`);
      taken++;
      backlog -= queued.get(r.name) ?? 0;
      queued.delete(r.name);
      out.push({ ...r, body: Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength) });
    }
    return out;
  };
  return {
    file(name, content) {
      if (streaming) throw new Error('background compressor: a file given in pieces is not ended');
      send({ op: 'file', name, content });
      expected++;
      queued.set(name, content.length);
      backlog += content.length;
    },
    begin(name) {
      if (streaming) throw new Error('background compressor: a file given in pieces is not ended');
      send({ op: 'begin', name });
      streaming = true;
      expected++;
    },
    chunk(content) {
      if (!streaming) throw new Error('background compressor: chunk without begin');
      send({ op: 'chunk', content });
    },
    end() {
      if (!streaming) throw new Error('background compressor: end without begin');
      send({ op: 'end' });
      streaming = false;
    },
    pending: () => expected - taken,
    backlog: () => backlog,
    take(waitMs = 0) {
      const ready = drain();
      if (ready.length > 0 || expected === taken || waitMs <= 0) return ready;
      if (waitFor(taken, waitMs) === 'timed-out') {
        const messages = Atomics.load(flag, 1);
        if (messages !== alive.messages) alive = { messages, at: Date.now() };
        else if (Date.now() - alive.at > STALL_MS) throw new Error(`Compressing the bundle's files stopped: no progress in ${STALL_MS / 1000} s.`);
        return [];
      }
      return drain();
    },
    close() {
      if (closed) return;
      closed = true;
      port1.close();
      void worker.terminate();
    },
  };
}
