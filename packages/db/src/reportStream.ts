/**
 * Reports of many organisations read a batch at a time, data included: a 汇总 of thousands of
 * subordinates never holds more than one batch of report texts.
 */
import type { Db } from './database.ts';
import type { ReportRow } from './types.ts';

export type StreamedReport = Pick<ReportRow, 'id' | 'organisation_id' | 'status' | 'version' | 'data'>;

export async function* streamReports(
  db: Db,
  filter: { organisationIds: readonly number[]; year: number; statuses: readonly ReportRow['status'][] },
  batchSize = 250,
): AsyncGenerator<StreamedReport[]> {
  if (filter.statuses.length === 0) return;
  for (let i = 0; i < filter.organisationIds.length; i += batchSize) {
    const ids = filter.organisationIds.slice(i, i + batchSize);
    yield await db
      .selectFrom('reports')
      .select(['id', 'organisation_id', 'status', 'version', 'data'])
      .where('organisation_id', 'in', ids)
      .where('year', '=', filter.year)
      .where('status', 'in', filter.statuses)
      .orderBy('organisation_id')
      .execute();
  }
}
