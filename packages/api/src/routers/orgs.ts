import {
  audit,
  createOrganisation,
  getOrganisation,
  isWithin,
  listOrganisations,
  type OrganisationRow,
  subtreeIds,
  updateOrganisation,
} from '@nianbao/db';
import { CONTACT_FIELDS, plainText } from '@nianbao/schema';
import { z } from 'zod';
import { keepsContact } from '../access.ts';
import type { SessionUser } from '../context.ts';
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

/**
 * The contact details the report's opening statement names (「如对本报告有疑问，请与…联系」). An empty
 * string clears one; full-width digits are what a Chinese IME types, so they are accepted as digits.
 */
const halfWidth = (s: string) => s.normalize('NFKC').trim();
const label = Object.fromEntries(CONTACT_FIELDS.map((f) => [f.key, f.label])) as Record<
  (typeof CONTACT_FIELDS)[number]['key'],
  { zh: string; en: string }
>;
const contact = {
  address: plainText(z.string().trim().max(200), {
    zh: `${label.address.zh}（address）`,
    en: `${label.address.en.toLowerCase()} (address)`,
  }),
  postcode: z
    .string()
    .transform(halfWidth)
    .pipe(
      z
        .string()
        .regex(
          /^(\d{6})?$/,
          `${label.postcode.zh}（postcode）须为 6 位数字，如 100017｜postcode must be 6 digits, e.g. 100017`,
        ),
    ),
  phone: z
    .string()
    .transform(halfWidth)
    .pipe(
      z
        .string()
        .regex(
          /^([0-9+()\-–— 、,;转]{5,60})?$/,
          `${label.phone.zh}（phone）只能含数字、空格、+、-、括号，多个号码用「、」分隔，如 010-12345678｜phone may hold only digits, spaces, +, -, brackets, several numbers separated by 、, e.g. 010-12345678`,
        ),
    ),
  email: z
    .string()
    .transform(halfWidth)
    .pipe(
      z.union([
        z.literal(''),
        z
          .email(
            `${label.email.zh}（email）格式不正确，如 gk@example.gov.cn｜email is not a valid address, e.g. gk@example.gov.cn`,
          )
          .max(200),
      ]),
    ),
};
type ContactKey = keyof typeof contact;
const CONTACT_KEYS = Object.keys(contact) as ContactKey[];

export interface Organisation {
  id: number;
  name: { zh: string; en: string | null };
  parentId: number | null;
  deadline: string | null;
  /** For the opening statement; null = not given. */
  contact: Record<ContactKey, string | null>;
  /** Whether the user asking may change `contact` (`orgs.setContact`). */
  canEditContact: boolean;
}

const ORGANISATION = { zh: '该机关', en: 'This organisation' };

function shape(row: OrganisationRow, user: SessionUser, subtree: readonly number[]): Organisation {
  return {
    id: row.id,
    name: { zh: row.name_zh, en: row.name_en },
    parentId: row.parent_id,
    deadline: row.deadline,
    contact: { address: row.address, postcode: row.postcode, phone: row.phone, email: row.email },
    canEditContact: keepsContact(user, row.id, subtree),
  };
}

/** The contact fields of an input: '' clears one (null), absent leaves it. */
function contactPatch(input: Partial<Record<ContactKey, string | null>>) {
  return Object.fromEntries(
    CONTACT_KEYS.filter((k) => input[k] !== undefined).map((k) => [k, input[k] || null]),
  ) as Partial<Record<ContactKey, string | null>>;
}

export const orgsRouter = router({
  /** The user's organisation and those below it (a filler: their own only). */
  list: authedProcedure.query(async ({ ctx }): Promise<Organisation[]> => {
    const ids =
      ctx.user.role === 'filler'
        ? [ctx.user.organisation_id]
        : await subtreeIds(ctx.db, ctx.user.organisation_id);
    const subtree = await subtreeIds(ctx.db, ctx.user.organisation_id);
    return (await listOrganisations(ctx.db))
      .filter((o) => ids.includes(o.id))
      .map((o) => shape(o, ctx.user, subtree));
  }),

  /** A new organisation below one the administrator manages. */
  create: adminProcedure
    .input(
      z.strictObject({
        nameZh,
        nameEn: nameEn.optional(),
        parentId: id,
        deadline: deadline.optional(),
        address: contact.address.optional(),
        postcode: contact.postcode.optional(),
        phone: contact.phone.optional(),
        email: contact.email.optional(),
      }),
    )
    .mutation(async ({ ctx, input }): Promise<Organisation> => {
      if (!(await isWithin(ctx.db, ctx.user.organisation_id, input.parentId))) throw notFound(ORGANISATION);
      const row = await createOrganisation(ctx.db, {
        nameZh: input.nameZh,
        nameEn: input.nameEn || null,
        parentId: input.parentId,
        deadline: input.deadline ?? null,
        ...contactPatch(input),
      });
      await audit(ctx.db, {
        action: 'org.create',
        userId: ctx.user.id,
        detail: { id: row.id, name: row.name_zh },
      });
      return shape(row, ctx.user, await subtreeIds(ctx.db, ctx.user.organisation_id));
    }),

  /** Renames an organisation, sets its deadline (null: back to the default) or its contact details. */
  update: adminProcedure
    .input(
      z.strictObject({
        id,
        nameZh: nameZh.optional(),
        nameEn: nameEn.nullable().optional(),
        deadline: deadline.nullable().optional(),
        address: contact.address.nullable().optional(),
        postcode: contact.postcode.nullable().optional(),
        phone: contact.phone.nullable().optional(),
        email: contact.email.nullable().optional(),
      }),
    )
    .mutation(async ({ ctx, input }): Promise<Organisation> => {
      if (!(await isWithin(ctx.db, ctx.user.organisation_id, input.id))) throw notFound(ORGANISATION);
      const row = await updateOrganisation(ctx.db, input.id, {
        nameZh: input.nameZh,
        nameEn: input.nameEn === '' ? null : input.nameEn,
        deadline: input.deadline,
        ...contactPatch(input),
      });
      if (!row) throw apiError('NOT_FOUND', ORGANISATION);
      await audit(ctx.db, { action: 'org.update', userId: ctx.user.id, detail: input });
      return shape(row, ctx.user, await subtreeIds(ctx.db, ctx.user.organisation_id));
    }),

  /**
   * The contact details alone, for whoever keeps them (`keepsContact`: an administrator, or the
   * body's own reviewer); '' or null clears one, an absent field is left as it is.
   */
  setContact: authedProcedure
    .input(
      z.strictObject({
        id,
        address: contact.address.nullable().optional(),
        postcode: contact.postcode.nullable().optional(),
        phone: contact.phone.nullable().optional(),
        email: contact.email.nullable().optional(),
      }),
    )
    .mutation(async ({ ctx, input }): Promise<Organisation> => {
      const subtree = await subtreeIds(ctx.db, ctx.user.organisation_id);
      const readable = ctx.user.role === 'filler' ? [ctx.user.organisation_id] : subtree;
      if (!readable.includes(input.id)) throw notFound(ORGANISATION);
      if (!keepsContact(ctx.user, input.id, subtree)) {
        throw apiError('FORBIDDEN', {
          zh: '只有本机关的审核人或管理员可以修改机关联系信息',
          en: "Only the organisation's own reviewer or an administrator may change its contact details",
        });
      }
      const row = await updateOrganisation(ctx.db, input.id, contactPatch(input));
      if (!row) throw apiError('NOT_FOUND', ORGANISATION);
      await audit(ctx.db, { action: 'org.contact', userId: ctx.user.id, detail: input });
      return shape(row, ctx.user, subtree);
    }),

  get: authedProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }): Promise<Organisation> => {
    const subtree = await subtreeIds(ctx.db, ctx.user.organisation_id);
    const ids = ctx.user.role === 'filler' ? [ctx.user.organisation_id] : subtree;
    const row = ids.includes(input.id) ? await getOrganisation(ctx.db, input.id) : undefined;
    if (!row) throw notFound(ORGANISATION);
    return shape(row, ctx.user, subtree);
  }),
});
