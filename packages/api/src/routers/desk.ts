/**
 * The parent body's desk: for a reviewer or administrator, every body below theirs (the whole
 * tree) with its report for a year — status, findings left, who saved last, dates, deadline —
 * paginated on the server, with counts by status, bulk approve/return and an export.
 */
import { DESK_SORTS, DESK_STATUSES, type DeskCounts, deskPage, getOrganisation } from '@nianbao/db';
import type { Label } from '@nianbao/schema';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { canRead } from '../access.ts';
import type { Context, SessionUser } from '../context.ts';
import { apiError, notFound } from '../errors.ts';
import { id, version } from '../inputs.ts';
import { type DeskEntry, deskEntry } from '../services/deskEntry.ts';
import { authedProcedure, createCallerFactory, router } from '../trpc.ts';
import { reportsRouter } from './reports.ts';

const ORGANISATION = { zh: '该机关', en: 'This organisation' };
/** Rows per page at most; an export takes every matching row. */
const MAX_DESK_PAGE = 200;
const MAX_BULK = 500;

const filters = {
  /** The parent body (default: the user's own). */
  organisationId: id.optional(),
  year: z.number().int().min(2019).max(2100),
  status: z.array(z.enum(DESK_STATUSES)).max(DESK_STATUSES.length).optional(),
  overdue: z.boolean().optional(),
  name: z.string().trim().max(100).optional(),
  level: z.number().int().min(1).max(32).optional(),
  sort: z.enum(DESK_SORTS).optional(),
  desc: z.boolean().optional(),
};

export type { DeskEntry };

export interface DeskPage {
  organisation: { id: number; name: Label };
  year: number;
  today: string;
  rows: DeskEntry[];
  total: number;
  page: number;
  size: number;
  counts: DeskCounts;
}

export interface BulkOutcome {
  reportId: number;
  ok: boolean;
  /** Why this report was not changed. */
  error?: Label;
}

/** The parent body whose desk the user may see: a reviewer's or administrator's own, or one below it. */
async function deskRoot(ctx: { db: Context['db']; user: SessionUser }, organisationId?: number) {
  const rootId = organisationId ?? ctx.user.organisation_id;
  if (!(await canRead(ctx.db, ctx.user, rootId))) throw notFound(ORGANISATION);
  if (ctx.user.role === 'filler') {
    throw apiError('FORBIDDEN', {
      zh: '只有审核人或管理员可以查看下级机关的报告进度',
      en: "Only a reviewer or administrator may see the subordinate bodies' progress",
    });
  }
  const org = await getOrganisation(ctx.db, rootId);
  if (!org) throw notFound(ORGANISATION);
  return org;
}

const today = () => new Date().toISOString().slice(0, 10);

function messageOf(error: unknown): Label {
  const cause = (error as { cause?: { label?: Label } }).cause;
  if (cause?.label) return cause.label;
  const text = error instanceof TRPCError ? error.message : String(error);
  const [zh, en] = text.split('｜');
  return { zh: zh ?? text, en: en ?? zh ?? text };
}

/** Runs one report action per item through the reports router, so each is checked as if alone. */
async function bulk(
  ctx: Context & { user: SessionUser },
  items: { id: number; version: number }[],
  act: (caller: ReturnType<typeof callReports>, item: { id: number; version: number }) => Promise<unknown>,
): Promise<BulkOutcome[]> {
  const caller = callReports(ctx);
  const out: BulkOutcome[] = [];
  for (const item of items) {
    try {
      await act(caller, item);
      out.push({ reportId: item.id, ok: true });
    } catch (error) {
      out.push({ reportId: item.id, ok: false, error: messageOf(error) });
    }
  }
  return out;
}

const callReports = (ctx: Context) => createCallerFactory(reportsRouter)(ctx);

const bulkItems = z
  .array(z.strictObject({ id, version }))
  .min(1)
  .max(MAX_BULK)
  .refine((items) => new Set(items.map((i) => i.id)).size === items.length, {
    message: '同一报告只能出现一次｜Each report may appear only once',
  });

export const deskRouter = router({
  /** One page of the desk with the counts by status of the whole tree. */
  list: authedProcedure
    .input(
      z.strictObject({
        ...filters,
        page: z.number().int().min(1).max(1_000_000).default(1),
        size: z.number().int().min(1).max(MAX_DESK_PAGE).default(50),
      }),
    )
    .query(async ({ ctx, input }): Promise<DeskPage> => {
      const org = await deskRoot(ctx, input.organisationId);
      const at = today();
      const query = { ...input, rootId: org.id, today: at };
      const page = await deskPage(ctx.db, query);
      return {
        organisation: { id: org.id, name: { zh: org.name_zh, en: org.name_en ?? org.name_zh } },
        year: input.year,
        today: at,
        rows: page.rows.map((r) => deskEntry(r, at)),
        total: page.total,
        page: input.page,
        size: input.size,
        counts: page.counts,
      };
    }),

  /** Approves several submitted reports; each is checked as a single approval would be. */
  approve: authedProcedure
    .input(z.strictObject({ items: bulkItems }))
    .mutation(({ ctx, input }) => bulk(ctx, input.items, (reports, item) => reports.approve(item))),

  /** Returns several submitted reports with one comment for their fillers. */
  return: authedProcedure
    .input(z.strictObject({ items: bulkItems, comment: z.string().trim().min(1).max(2000) }))
    .mutation(({ ctx, input }) =>
      bulk(ctx, input.items, (reports, item) => reports.return({ ...item, comment: input.comment })),
    ),

  /**
   * Every row that matches the filters, as a spreadsheet (.xlsx) or CSV, base64-encoded. Read and
   * built by `deps.deskExporter`: in the server, a worker thread, so that 20,000 rows hold up no one.
   */
  export: authedProcedure
    .input(z.strictObject({ ...filters, format: z.enum(['xlsx', 'csv']), lang: z.enum(['zh', 'en']) }))
    .query(async ({ ctx, input }) => {
      const { organisationId: _, format, lang, ...query } = input;
      const org = await deskRoot(ctx, input.organisationId);
      const result = await ctx.deps.deskExporter({
        query: { ...query, rootId: org.id, today: today() },
        organisation: { zh: org.name_zh, en: org.name_en ?? org.name_zh },
        format,
        lang,
      });
      if (!result.ok) {
        throw apiError('PAYLOAD_TOO_LARGE', {
          zh: `符合条件的机关超过 ${result.limit.toLocaleString('en')} 个，请按层级或状态筛选后导出`,
          en: `More than ${result.limit.toLocaleString('en')} bodies match: filter by level or status before exporting`,
        });
      }
      return result.file;
    }),
});
