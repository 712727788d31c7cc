import { afterEach, describe, expect, it } from 'vitest';
import { MAPLIBRE_WORKER_URL, startMapLibreWorker, withEarlyWorker } from './maplibreWorkerStart';

/** A stand-in for the browser's Worker: records what was made and what was stopped. */
class FakeWorker {
  static made: FakeWorker[] = [];
  terminated = false;
  constructor(
    readonly url: string,
    readonly options?: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
  terminate() {
    this.terminated = true;
  }
}

const realWorker = (globalThis as { Worker?: unknown }).Worker;
const install = () => {
  FakeWorker.made = [];
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
};
afterEach(() => ((globalThis as { Worker?: unknown }).Worker = realWorker));

describe('MapLibre worker started at boot', () => {
  it('is the worker MapLibre gets when its pool starts; other workers are made as usual', () => {
    install();
    startMapLibreWorker();
    startMapLibreWorker(); // one waiting worker, not two
    expect(FakeWorker.made).toHaveLength(1);
    const early = FakeWorker.made[0];
    let first: unknown;
    let second: unknown;
    withEarlyWorker(() => {
      first = new Worker(MAPLIBRE_WORKER_URL, { type: 'module' });
      second = new Worker(MAPLIBRE_WORKER_URL, { type: 'module' });
    });
    expect(first).toBe(early);
    expect(second).not.toBe(early);
    expect(second).toBeInstanceOf(FakeWorker);
    expect(globalThis.Worker).toBe(FakeWorker);
    expect(early!.terminated).toBe(false);
  });

  it('is stopped if MapLibre asks for another URL, and MapLibre starts its own without one waiting', () => {
    install();
    startMapLibreWorker();
    const early = FakeWorker.made[0]!;
    let made: unknown;
    withEarlyWorker(() => (made = new Worker('other-worker.mjs', { type: 'module' })));
    expect(made).not.toBe(early);
    expect(early.terminated).toBe(true);
    // Nothing waiting now: the pool's worker is simply made.
    withEarlyWorker(() => (made = new Worker(MAPLIBRE_WORKER_URL, { type: 'module' })));
    expect(FakeWorker.made).toHaveLength(3);
    expect(made).toBe(FakeWorker.made[2]);
  });
});
