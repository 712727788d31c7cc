/**
 * The browser host: the built renderer and the contract's handlers over HTTP, on 127.0.0.1 only.
 * Every API call needs the per-run token; every request must name this host (a DNS-rebinding
 * page cannot), and a cross-origin browser request is refused.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { CaseFile } from '../../db/casefile';
import { dispatch } from '../../db/handlers';
import { APP_CSP } from '../../shared/csp';

export interface ServeOptions {
  cf: CaseFile;
  staticDir: string;
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

/** Room for the largest capture (100 MB, shared/workbenchSchemas.ts) as base64 in JSON. */
const MAX_BODY = 150 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
  '.wasm': 'application/wasm',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': APP_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: 'refused', message } });
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1]!);
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error(`Request body over ${MAX_BODY} bytes`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const root = resolve(opts.staticDir);
  let allowedHosts: Set<string> = new Set();

  const handleApi = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return refuse(res, 405, 'Use POST for /api/invoke.');
    if (!tokenMatches(req.headers.authorization, token)) {
      return refuse(res, 401, 'Missing or wrong access token. Open the URL that `casefile serve` printed.');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return refuse(res, 403, `Requests from ${origin} are refused.`);
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (e) {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'invalid_input', message: `The request is not valid JSON: ${(e as Error).message}` },
      });
    }
    const { channel, input } = (body ?? {}) as { channel?: unknown; input?: unknown };
    sendJson(res, 200, dispatch(opts.cf, channel, input));
  };

  const handleStatic = (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return refuse(res, 400, 'Malformed path.');
    }
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = resolve(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return refuse(res, 403, 'Path outside the app.');
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Not found');
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': rel === '/index.html' ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  };

  const server = createServer((req, res) => {
    // DNS rebinding: a foreign page that resolves its own name to 127.0.0.1 sends its own Host.
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host)) return refuse(res, 403, `Host ${JSON.stringify(host)} is refused; use the printed URL.`);
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname === '/api/invoke') {
      handleApi(req, res).catch((e) => refuse(res, 500, (e as Error).message));
    } else {
      handleStatic(req, res, pathname);
    }
  });

  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      resolveServer({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
