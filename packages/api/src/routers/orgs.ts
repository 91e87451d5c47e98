import {
  audit,
  createOrganisation,
  getOrganisation,
  listOrganisations,
  type OrganisationRow,
  subtreeIds,
  updateOrganisation,
} from '@nianbao/db';
import { plainText } from '@nianbao/schema';
import { z } from 'zod';
import { apiError, notFound } from '../errors.ts';
import { id } from '../inputs.ts';
import { adminProcedure, authedProcedure, router } from '../trpc.ts';

const nameZh = plainText(z.string().trim().min(1).max(200), {
  zh: '机关名称（nameZh）',
  en: 'agency name (nameZh)',
});
const nameEn = plainText(z.string().trim().max(300), {
  zh: '机关英文名称（nameEn）',
  en: 'English agency name (nameEn)',
});
/** `MM-DD` of the year after the report year (statute: 01-31 for county-level departments). */
const deadline = z
  .string()
  .regex(
    /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
    '报送期限（deadline）须为 MM-DD，如 01-31｜deadline must be MM-DD, e.g. 01-31',
  );

export interface Organisation {
  id: number;
  name: { zh: string; en: string | null };
  parentId: number | null;
  deadline: string | null;
}

const ORGANISATION = { zh: '该机关', en: 'This organisation' };

function shape(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: { zh: row.name_zh, en: row.name_en },
    parentId: row.parent_id,
    deadline: row.deadline,
  };
}

export const orgsRouter = router({
  /** The user's organisation and those below it (a filler: their own only). */
  list: authedProcedure.query(async ({ ctx }): Promise<Organisation[]> => {
    const ids =
      ctx.user.role === 'filler'
        ? [ctx.user.organisation_id]
        : await subtreeIds(ctx.db, ctx.user.organisation_id);
    return (await listOrganisations(ctx.db)).filter((o) => ids.includes(o.id)).map(shape);
  }),

  /** A new organisation below one the administrator manages. */
  create: adminProcedure
    .input(z.strictObject({ nameZh, nameEn: nameEn.optional(), parentId: id, deadline: deadline.optional() }))
    .mutation(async ({ ctx, input }): Promise<Organisation> => {
      if (!(await subtreeIds(ctx.db, ctx.user.organisation_id)).includes(input.parentId))
        throw notFound(ORGANISATION);
      const row = await createOrganisation(ctx.db, {
        nameZh: input.nameZh,
        nameEn: input.nameEn || null,
        parentId: input.parentId,
        deadline: input.deadline ?? null,
      });
      await audit(ctx.db, {
        action: 'org.create',
        userId: ctx.user.id,
        detail: { id: row.id, name: row.name_zh },
      });
      return shape(row);
    }),

  /** Renames an organisation or sets its deadline (null: back to the default). */
  update: adminProcedure
    .input(
      z.strictObject({
        id,
        nameZh: nameZh.optional(),
        nameEn: nameEn.nullable().optional(),
        deadline: deadline.nullable().optional(),
      }),
    )
    .mutation(async ({ ctx, input }): Promise<Organisation> => {
      if (!(await subtreeIds(ctx.db, ctx.user.organisation_id)).includes(input.id))
        throw notFound(ORGANISATION);
      const row = await updateOrganisation(ctx.db, input.id, {
        nameZh: input.nameZh,
        nameEn: input.nameEn === '' ? null : input.nameEn,
        deadline: input.deadline,
      });
      if (!row) throw apiError('NOT_FOUND', ORGANISATION);
      await audit(ctx.db, { action: 'org.update', userId: ctx.user.id, detail: input });
      return shape(row);
    }),

  get: authedProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }): Promise<Organisation> => {
    const ids =
      ctx.user.role === 'filler'
        ? [ctx.user.organisation_id]
        : await subtreeIds(ctx.db, ctx.user.organisation_id);
    const row = ids.includes(input.id) ? await getOrganisation(ctx.db, input.id) : undefined;
    if (!row) throw notFound(ORGANISATION);
    return shape(row);
  }),
});
