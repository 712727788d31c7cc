import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeCaseFile } from '../../db/casefile';
import { configureImportJobs } from '../../db/import/jobs';
import { TSX_IMPORT_WORKER } from '../../db/import/jobWorkerTsx';
import { parse, positional, UsageError, type Command } from '../args';
import { openForCommand } from '../open';
import { startServer } from '../serve/server';

const usage = `Usage: casefile serve FILE [--port N] [--open]

Serve the Casefile UI and FILE's data on http://127.0.0.1 only, and print the URL to open.
The URL carries a random access token made for this run; requests without it, or naming
another host, are refused. Stop with Ctrl+C.
  --port N   listen on port N (default: any free port)
  --open     open the URL in the default browser`;

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

function openInBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'open the UI in a browser, served on 127.0.0.1 with a per-run token',
  usage,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { port: { type: 'string' }, open: { type: 'boolean' } }, usage);
    if (values.help) return io.out(usage), 0;
    const [file] = positional(positionals, 1, usage);
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`--port must be a whole number from 0 to 65535, not ${JSON.stringify(values.port)}.`);
    }
    if (!existsSync(resolve(RENDERER_DIR, 'index.html'))) {
      throw new Error(`The UI is not built (no ${RENDERER_DIR}index.html). Run \`npm run build\` first.`);
    }
    // As the --as profile, or as whoever this user last acted as in this case file.
    const cf = openForCommand(file!, { restore: true });
    // The app's imports run in a worker thread, started from the TypeScript sources like this command.
    configureImportJobs({ worker: TSX_IMPORT_WORKER });
    const running = await startServer({ cf, staticDir: RENDERER_DIR, port });
    io.out(`Casefile is serving ${cf.path}`);
    io.out(cf.profile ? `Acting as ${cf.profile.name} (${cf.profile.role}).` : 'No profile chosen yet: the page asks who you are first.');
    io.out(`Open ${running.url}`);
    io.out('Press Ctrl+C to stop.');
    if (values.open) openInBrowser(running.url);
    await new Promise<void>((done) => {
      const stop = () => done();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await running.close();
    closeCaseFile(cf);
    return 0;
  },
};
