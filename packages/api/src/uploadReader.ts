/**
 * How the API reads an uploaded published report. The server passes a reader that works in worker
 * threads with a time limit and limits on concurrent imports; without one (tests, scripts) the file
 * is read in this thread, within the same size limits.
 */
import type { ImportOptions } from '@nianbao/import';
import type { UploadReading } from '@nianbao/import/node';
import type { Label } from '@nianbao/schema';

export interface UploadReader {
  /** Throws `UploadRefused` when a limit is hit, `ImportError` when the file cannot be read as a report. */
  read(userId: number, bytes: Uint8Array, options: ImportOptions): Promise<UploadReading>;
}

/** The reader would not read the file now (busy) or gave up on it (too slow to read). */
export class UploadRefused extends Error {
  constructor(
    readonly code: 'TOO_MANY_REQUESTS' | 'UNPROCESSABLE_CONTENT',
    readonly label: Label,
  ) {
    super(`${label.zh}｜${label.en}`);
    this.name = 'UploadRefused';
  }
}

/** Loads the importer when first used: a server reads uploads in its worker pool, never here. */
export const inThreadUploadReader: UploadReader = {
  read: async (_userId, bytes, options) =>
    (await import('@nianbao/import/node')).readUploadedReport(bytes, options),
};
