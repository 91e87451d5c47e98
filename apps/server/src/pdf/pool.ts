/**
 * PDF and HTML rendering off the main thread, in a pool sized to the cores, with a cache: the same
 * report version in the same language is rendered once. Concurrent requests for the same rendering
 * share one job.
 */
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import { workerPool } from '../workerPool.ts';
import type { RenderJob, RenderResult } from './renderJob.ts';

export interface RenderPoolOptions {
  /** Worker threads (default: the number of cores). */
  threads?: number;
  /** Bytes of rendered output kept (default 64 MB). */
  cacheBytes?: number;
  /** Jobs waiting for a worker before new ones are refused (default 256). */
  maxQueue?: number;
  /** Longest a rendering may take before it is abandoned (default 60 s). */
  timeoutMs?: number;
}

export class QueueFullError extends Error {
  override readonly name = 'QueueFullError';
}

export class RenderPool {
  private readonly piscina: Piscina;
  private readonly cache = new Map<string, RenderResult>();
  private cachedBytes = 0;
  private readonly inFlight = new Map<string, Promise<RenderResult>>();
  private readonly cacheBytes: number;
  private readonly maxQueue: number;
  private readonly timeoutMs: number;
  readonly stats = { rendered: 0, cacheHits: 0, shared: 0 };

  constructor(options: RenderPoolOptions = {}) {
    const threads = Math.max(1, options.threads ?? availableParallelism());
    this.cacheBytes = options.cacheBytes ?? 64 * 1024 * 1024;
    this.maxQueue = options.maxQueue ?? 256;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.piscina = workerPool(new URL('./worker.mjs', import.meta.url), {
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
    });
  }

  get threads(): number {
    return this.piscina.threads.length;
  }

  /** Renders `job`, or returns the cached result for `key` (report id, version, language, kind). */
  async render(key: string, job: () => RenderJob): Promise<RenderResult> {
    const cached = this.cache.get(key);
    if (cached) {
      this.stats.cacheHits++;
      // Re-insert: the Map's order is the eviction order (least recently used first).
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const running = this.inFlight.get(key);
    if (running) {
      this.stats.shared++;
      return running;
    }
    const promise = this.run(job()).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    const result = await promise;
    this.remember(key, result);
    return result;
  }

  private async run(job: RenderJob): Promise<RenderResult> {
    if (this.piscina.queueSize >= this.maxQueue) {
      throw new QueueFullError('The PDF queue is full');
    }
    // A rendering that hangs is abandoned (its worker is replaced) rather than holding the request.
    const result = (await this.piscina.run(job, {
      signal: AbortSignal.timeout(this.timeoutMs),
    })) as RenderResult;
    this.stats.rendered++;
    return result;
  }

  private remember(key: string, result: RenderResult): void {
    const size = result.ok ? result.body.byteLength : result.message.length;
    if (size > this.cacheBytes / 4) return;
    this.cache.set(key, result);
    this.cachedBytes += size;
    for (const [oldKey, old] of this.cache) {
      if (this.cachedBytes <= this.cacheBytes) break;
      this.cache.delete(oldKey);
      this.cachedBytes -= old.ok ? old.body.byteLength : old.message.length;
    }
  }

  async destroy(): Promise<void> {
    await this.piscina.destroy();
  }
}
