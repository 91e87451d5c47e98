/**
 * Runs in a worker thread: reads one uploaded file with @nianbao/import within its upload limits.
 * A file that cannot be read as a report comes back as its bilingual reason (`ImportError`), which
 * does not survive the thread boundary as a class.
 *
 * Plain JavaScript run by plain node: it loads the built @nianbao/import (its dist/, which turbo
 * builds before the server runs or is tested), as any other consumer would.
 */
import { ImportError } from '@nianbao/import';
import { readUploadedReport } from '@nianbao/import/node';

/**
 * @param {import('./readJob.ts').ReadJob | null} job null: only load the importer (warm-up)
 * @returns {Promise<import('./readJob.ts').ReadResult | null>}
 */
export default async function read(job) {
  if (job === null) return null;
  try {
    return { ok: true, reading: await readUploadedReport(job.bytes, job.options, job.limits) };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, detail: error.detail, missing: error.missing };
    throw error;
  }
}
