/**
 * Runs in a worker thread: one desk export (.xlsx or CSV), read from the database and built here
 * with the API's own `exportDesk`, so that neither the query over 20,000 bodies (synchronous with
 * SQLite) nor exceljs's seconds of work hold up the main thread.
 *
 * Plain JavaScript run by plain node: it loads the built `@nianbao/api/deskExport` and @nianbao/db
 * (dist/, which turbo builds before the server runs or is tested).
 */
import { exportDesk } from '@nianbao/api/deskExport';
import { openDatabase } from '@nianbao/db';

/** This thread's own connection to the server's database (SQLite: a second reader of the same file). */
let db;

/**
 * @param {{ database: { file: string, url?: string }, job: import('@nianbao/api').DeskExportJob }} task
 * @returns {Promise<import('@nianbao/api').DeskExportResult>}
 */
export default async function run({ database, job }) {
  // The server migrated the database before it started this pool.
  db ??= openDatabase({ ...database, migrate: false });
  return exportDesk(await db, job);
}
