/**
 * Desk exports off the main thread: reading 20,000 bodies (a synchronous call with SQLite) and
 * building their workbook with exceljs take seconds of CPU (bench/export.ts), during which the main
 * thread would answer no one. The worker has its own connection to the server's database. One
 * worker by default, started on the first export; a few exports may wait for it, beyond that the
 * answer is "busy, try again".
 */
import { apiError, type DeskExporter, type DeskExportJob, type DeskExportResult } from '@nianbao/api';
import type { Piscina } from 'piscina';
import { workerPool } from '../workerPool.ts';

export interface ExportPoolOptions {
  /** Worker threads (default 1: exports are rare, and PDFs render on the cores). */
  threads?: number;
  /** Exports waiting for a worker before new ones are refused (default 4). */
  maxQueue?: number;
  /** Longest an export may take (default 120 s). */
  timeoutMs?: number;
}

export class ExportPool {
  private readonly piscina: Piscina;
  private readonly maxQueue: number;
  private readonly timeoutMs: number;

  /** `database`: the server's SQLite file or PostgreSQL URL, which the worker opens for itself. */
  constructor(
    private readonly database: { file: string; url?: string },
    options: ExportPoolOptions = {},
  ) {
    const threads = Math.max(1, options.threads ?? 1);
    this.maxQueue = options.maxQueue ?? 4;
    this.timeoutMs = options.timeoutMs ?? 120_000;
    // Started on the first export, not with every server.
    this.piscina = workerPool(new URL('./worker.mjs', import.meta.url), {
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 5 * 60_000,
    });
  }

  /** The `deskExporter` of the API's dependencies. */
  readonly export: DeskExporter = async (job: DeskExportJob): Promise<DeskExportResult> => {
    if (this.piscina.queueSize >= this.maxQueue) {
      throw apiError('TOO_MANY_REQUESTS', {
        zh: '导出繁忙，请稍后重试',
        en: 'Exports are busy; try again shortly',
      });
    }
    try {
      return (await this.piscina.run(
        { database: this.database, job },
        { signal: AbortSignal.timeout(this.timeoutMs) },
      )) as DeskExportResult;
    } catch (error) {
      if ((error as Error).name === 'AbortError' || (error as Error).name === 'TimeoutError') {
        throw apiError('TIMEOUT', {
          zh: `导出未能在 ${Math.round(this.timeoutMs / 1000)} 秒内完成，请按层级或状态筛选后再导出`,
          en: `The export did not finish within ${Math.round(this.timeoutMs / 1000)} s: filter by level or status, then export again`,
        });
      }
      throw error;
    }
  };

  async destroy(): Promise<void> {
    await this.piscina.destroy();
  }
}
