/** Start the real `casefile serve` process on a case file and wait for the URL it prints. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CASEFILE_BIN = fileURLToPath(new URL('../../cli/bin/casefile.mjs', import.meta.url));

export async function startServe(
  file: string,
  opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<{ url: string; child: ChildProcess }> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const child = spawn(process.execPath, [CASEFILE_BIN, 'serve', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: opts.env ?? process.env,
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`casefile serve printed no URL in ${timeoutMs / 1000} s:\n${out}\n${err}`)),
      timeoutMs,
    );
    child.stdout!.on('data', (c) => {
      out += c;
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (c) => (err += c));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`casefile serve exited with ${code}:\n${err}`));
    });
  });
  return { url, child };
}
