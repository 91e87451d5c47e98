/**
 * Runs in a worker thread: reads one uploaded file with @nianbao/import within its upload limits.
 * A file that cannot be read as a report comes back as its bilingual reason (`ImportError`), which
 * does not survive the thread boundary as a class.
 *
 * Loaded from the TypeScript sources through tsx (registered in this thread: worker threads cannot
 * load .ts through tsx's CLI hooks on Node 20; tsconfig.worker.json covers the packages).
 */
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.worker.json', import.meta.url)) });
const [{ ImportError }, { readUploadedReport }] = await Promise.all([
  import('@nianbao/import'),
  import('@nianbao/import/node'),
]);

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
