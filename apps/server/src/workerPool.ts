/**
 * A piscina pool running an ES worker module (`worker.mjs` beside the pool's file), shared by the
 * PDF, import and desk-export pools.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

export function workerPool(
  workerModule: URL,
  threads: { minThreads: number; maxThreads: number; idleTimeout: number },
): Piscina {
  return new Piscina({
    // Loaded by import() from a CommonJS entry (see esmWorker.cjs), never by require().
    filename: fileURLToPath(new URL('./esmWorker.cjs', import.meta.url)),
    workerData: { module: workerModule.href },
    // Not this process's flags: under tsx with the "@nianbao/source" condition the worker would
    // resolve our packages to TypeScript, which worker threads cannot load through tsx on Node 20.
    execArgv: [],
    ...threads,
  });
}
