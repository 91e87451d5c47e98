/**
 * A piscina pool running an ES worker module (`worker.mjs` beside the pool's file), shared by the
 * PDF, import and desk-export pools.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

/**
 * The niceness of every worker thread (PDF, import, desk export): their jobs take tens of
 * milliseconds to seconds of CPU, a save takes a few. With the cores busy rendering, a save waiting
 * behind the renders is what users feel (autosave, sign-in), so the renders yield to the requests.
 * Linux applies a thread's niceness to that thread alone; elsewhere the call may do nothing.
 */
export const WORKER_NICENESS = 10;

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
