/**
 * A piscina pool running an ES worker module (`worker.mjs` beside the pool's file), shared by the
 * PDF, import and desk-export pools.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

/**
 * The niceness of every worker thread (PDF, import, desk export; `NIANBAO_WORKER_NICE`, 0–19,
 * default 10): their jobs take tens of milliseconds to seconds of CPU, a save a few. With the cores
 * busy rendering, a save waiting behind the renders is what users feel (autosave, sign-in), so the
 * workers yield to the main thread. Linux applies a thread's niceness to that thread alone.
 */
export const WORKER_NICENESS = niceness(process.env.NIANBAO_WORKER_NICE);

function niceness(value: string | undefined): number {
  if (value === undefined || value === '') return 10;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 19)
    throw new Error(`NIANBAO_WORKER_NICE must be a whole number from 0 to 19, not "${value}"`);
  return n;
}

export function workerPool(
  workerModule: URL,
  threads: { minThreads: number; maxThreads: number; idleTimeout: number },
): Piscina {
  return new Piscina({
    // Loaded by import() from a CommonJS entry (see esmWorker.cjs), never by require().
    filename: fileURLToPath(new URL('./esmWorker.cjs', import.meta.url)),
    workerData: { module: workerModule.href, niceness: WORKER_NICENESS },
    // Not this process's flags: under tsx with the "@nianbao/source" condition the worker would
    // resolve our packages to TypeScript, which worker threads cannot load through tsx on Node 20.
    execArgv: [],
    ...threads,
  });
}
