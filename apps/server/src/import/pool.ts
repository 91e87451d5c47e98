/**
 * Imports off the main thread: an uploaded file is read in a worker with a time limit, so that a
 * file made to be slow (hundreds of pages of short lines, deep HTML) costs a worker a few seconds and
 * never holds up saves, logins or downloads. Each user reads one file at a time, and only a few files
 * are read at once overall; beyond that the answer is "busy, try again", not a queue.
 */

import type { UploadReader } from '@nianbao/api';
import { UploadRefused } from '@nianbao/api';
import { ImportError } from '@nianbao/import';
import { UPLOAD_LIMITS, type UploadLimits, type UploadReading } from '@nianbao/import/node';
import type { Piscina } from 'piscina';
import { workerPool } from '../workerPool.ts';
import type { ReadJob, ReadResult } from './readJob.ts';

export interface ImportPoolOptions {
  /** Worker threads (default 1: imports are rare, and PDFs render on the cores). */
  threads?: number;
  /** Files read at once overall, running and waiting (default 4). */
  maxConcurrent?: number;
  /** Files one user reads at once (default 1). */
  maxPerUser?: number;
  /** Longest a file may take to read (default 10 s). */
  timeoutMs?: number;
  limits?: UploadLimits;
  /** Start a worker at once (the service) rather than on the first import (tests). */
  warm?: boolean;
}

export class ImportPool implements UploadReader {
  private readonly piscina: Piscina;
  private readonly perUser = new Map<number, number>();
  private running = 0;
  private readonly maxConcurrent: number;
  private readonly maxPerUser: number;
  private readonly timeoutMs: number;
  private readonly limits: UploadLimits;
  private warm: Promise<void> | undefined;

  constructor(options: ImportPoolOptions = {}) {
    const threads = Math.max(1, options.threads ?? 1);
    this.maxConcurrent = options.maxConcurrent ?? 4;
    this.maxPerUser = options.maxPerUser ?? 1;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.limits = options.limits ?? UPLOAD_LIMITS;
    // Started on the first import, not with every server.
    this.piscina = workerPool(new URL('./worker.mjs', import.meta.url), {
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 5 * 60_000,
    });
    if (options.warm) this.warmUp();
  }

  /** Starts a worker and loads the importer: the time limit is for reading the file, not for that. */
  private warmUp(): Promise<void> {
    this.warm ??= this.piscina.run(null).then(
      () => undefined,
      () => {
        this.warm = undefined;
      },
    );
    return this.warm;
  }

  async read(userId: number, bytes: Uint8Array, options: ReadJob['options']): Promise<UploadReading> {
    const mine = this.perUser.get(userId) ?? 0;
    if (mine >= this.maxPerUser) {
      throw new UploadRefused('TOO_MANY_REQUESTS', {
        zh: '您已有一个文件正在导入，请等它完成后再导入下一个',
        en: 'A file of yours is being imported; wait for it to finish before importing the next',
      });
    }
    if (this.running >= this.maxConcurrent) {
      throw new UploadRefused('TOO_MANY_REQUESTS', {
        zh: '导入繁忙，请稍后重试',
        en: 'Imports are busy; try again shortly',
      });
    }
    this.perUser.set(userId, mine + 1);
    this.running++;
    try {
      await this.warmUp();
      const job: ReadJob = { bytes, options, limits: this.limits };
      let result: ReadResult;
      try {
        // A read past its time is abandoned: piscina ends the worker and starts a fresh one.
        result = (await this.piscina.run(job, { signal: AbortSignal.timeout(this.timeoutMs) })) as ReadResult;
      } catch (error) {
        if ((error as Error).name === 'AbortError' || (error as Error).name === 'TimeoutError') {
          throw new UploadRefused('UNPROCESSABLE_CONTENT', {
            zh: `文件未能在 ${Math.round(this.timeoutMs / 1000)} 秒内读完，不像一份年度报告；请只上传报告本身`,
            en: `The file could not be read within ${Math.round(this.timeoutMs / 1000)} s; that is not an annual report alone: upload the report only`,
          });
        }
        throw error;
      }
      if (!result.ok) throw new ImportError(result.detail, result.missing);
      return result.reading;
    } finally {
      this.running--;
      const left = (this.perUser.get(userId) ?? 1) - 1;
      if (left > 0) this.perUser.set(userId, left);
      else this.perUser.delete(userId);
    }
  }

  async destroy(): Promise<void> {
    await this.piscina.destroy();
  }
}
