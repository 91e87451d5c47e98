/**
 * Parsed report data by database, report id and version: the versions saved or read last. The
 * data of a version never changes (every change of the data makes a new version), so an entry
 * never goes stale. Each save checks last year's report (carry-over rules), and parsing its ~10 KB
 * of JSON every time cost about as much as checking the save itself.
 *
 * The objects are shared between requests: read them, never change them.
 */
import type { Db } from '@nianbao/db';
import type { ReportData } from '@nianbao/schema';

const ENTRIES_PER_DATABASE = 64;
const caches = new WeakMap<Db, Map<string, ReportData>>();

function cacheOf(db: Db): Map<string, ReportData> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

export function cachedReportData(db: Db, id: number, version: number): ReportData | undefined {
  return caches.get(db)?.get(`${id}:${version}`);
}

export function rememberReportData(db: Db, id: number, version: number, data: ReportData): void {
  const cache = cacheOf(db);
  cache.delete(`${id}:${version}`);
  cache.set(`${id}:${version}`, data);
  // A Map iterates in insertion order: the first key is the one used least recently.
  if (cache.size > ENTRIES_PER_DATABASE) cache.delete(cache.keys().next().value as string);
}
