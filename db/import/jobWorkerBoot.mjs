// Starts an import job's worker from the TypeScript sources (the CLI, `casefile serve` and the
// tests run them through tsx); the desktop app runs the bundled dist/electron/importWorker.cjs.
import { register } from 'tsx/esm/api';

register();
await import('./jobWorker.ts');
