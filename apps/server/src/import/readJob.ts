/** What the main thread asks an import worker for, and what it gets back. */
import type { ImportOptions } from '@nianbao/import';
import type { UploadLimits, UploadReading } from '@nianbao/import/node';
import type { Label } from '@nianbao/schema';

export interface ReadJob {
  bytes: Uint8Array;
  options: ImportOptions;
  limits: UploadLimits;
}

export type ReadResult =
  | { ok: true; reading: UploadReading }
  /** The file is not a readable report (an `ImportError`): the user must act. */
  | { ok: false; detail: Label; missing: ('year' | 'organisation')[] };
