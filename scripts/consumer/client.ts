// A browser project's tRPC client, type-checked against @nianbao/api-types alone (types: [], no
// @types/node, no database driver installed).
import type { AppRouter, Report } from '@nianbao/api-types';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

const trpc = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: '/trpc', maxItems: 50 })] });

export async function saveFirstDraft(): Promise<Report | undefined> {
  await trpc.auth.login.mutate({ login: 'tiantan', password: 'tiantan-demo' });
  const {
    rows: [first],
  } = await trpc.reports.list.query({ status: 'draft' });
  if (!first) return undefined;
  const report = await trpc.reports.get.query({ id: first.id });
  const saved = await trpc.reports.save.mutate({
    id: report.id,
    baseVersion: report.version,
    data: report.data,
  });
  const version: number = saved.version;
  // The types are real, not `any`: a wrong input and an unknown procedure are errors.
  // @ts-expect-error id is a number
  await trpc.reports.get.query({ id: String(first.id) });
  // @ts-expect-error no such procedure
  await trpc.reports.publish.mutate({ id: report.id });
  return { ...report, version };
}
