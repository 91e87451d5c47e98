// A browser project's tRPC client, type-checked against @nianbao/api-types alone (types: [], no
// @types/node, no database driver installed).
import type { AppRouter, Report } from '@nianbao/api-types';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

const trpc = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: '/trpc', maxItems: 50 })] });

export async function openFirstDraft(): Promise<Report | undefined> {
  await trpc.auth.login.mutate({ login: 'tiantan', password: 'tiantan-demo' });
  const [first] = await trpc.reports.list.query({ status: 'draft' });
  if (!first) return undefined;
  const report = await trpc.reports.get.query({ id: first.id });
  const saved = await trpc.reports.save.mutate({
    id: report.id,
    baseVersion: report.version,
    data: report.data,
  });
  const version: number = saved.version;
  return { ...report, version };
}
