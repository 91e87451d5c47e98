import {
  audit,
  clearLoginFailures,
  createUser,
  findUserByLogin,
  generatePassword,
  getUser,
  isWithin,
  listUsers,
  setUserPassword,
  setUserRole,
  subtreeIds,
  type UserRow,
} from '@nianbao/db';
import { plainText, ROLES } from '@nianbao/schema';
import { z } from 'zod';
import type { SessionUser } from '../context.ts';
import { apiError, notFound } from '../errors.ts';
import { chosenPassword, id } from '../inputs.ts';
import { adminProcedure, router } from '../trpc.ts';

const role = z.enum(ROLES);
const loginSchema = plainText(
  z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/,
      '用户名（login）须为 2–64 个字母、数字、点、连字符或下划线｜login: 2–64 letters, digits, dot, dash or underscore',
    ),
  { zh: '用户名（login）', en: 'user name (login)' },
);
const password = chosenPassword('password', { zh: '密码', en: 'password' });

export interface User {
  id: number;
  login: string;
  displayName: string;
  role: UserRow['role'];
  organisationId: number;
  createdAt: string;
}

/** As the administrator's list shows it: with the failed sign-ins that slow the account down now. */
export interface ListedUser extends User {
  /** Failures counted against the account in the throttle's window (15 minutes); unlock clears them. */
  failedSignIns: number;
}

const USER = { zh: '该用户', en: 'This user' };

function shape(row: UserRow): User {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    organisationId: row.organisation_id,
    createdAt: row.created_at,
  };
}

/** A user the administrator manages: one of an organisation at or below theirs. */
async function managed(
  ctx: { db: Parameters<typeof getUser>[0]; user: SessionUser },
  userId: number,
): Promise<UserRow> {
  const row = await getUser(ctx.db, userId);
  if (!row || !(await isWithin(ctx.db, ctx.user.organisation_id, row.organisation_id))) throw notFound(USER);
  return row;
}

export const usersRouter = router({
  list: adminProcedure
    .input(z.strictObject({ organisationId: id.optional() }).optional())
    .query(async ({ ctx, input }): Promise<ListedUser[]> => {
      let ids = await subtreeIds(ctx.db, ctx.user.organisation_id);
      if (input?.organisationId !== undefined) ids = ids.filter((i) => i === input.organisationId);
      const rows = await listUsers(ctx.db, ids);
      const failures = await ctx.deps.loginThrottle.failuresOf(rows.map((r) => r.login.toLowerCase()));
      return rows.map((r) => ({ ...shape(r), failedSignIns: failures.get(r.login.toLowerCase()) ?? 0 }));
    }),

  /** A new account; without `password` one is generated and returned once. */
  create: adminProcedure
    .input(
      z.strictObject({
        login: loginSchema,
        displayName: plainText(
          z
            .string()
            .trim()
            .min(1, '姓名（displayName）不能为空｜name (displayName) must not be empty')
            .max(100, '姓名（displayName）至多 100 个字符｜name (displayName): at most 100 characters'),
          {
            zh: '姓名（displayName）',
            en: 'name (displayName)',
          },
        ),
        role,
        organisationId: id,
        password: password.optional(),
      }),
    )
    .mutation(async ({ ctx, input }): Promise<{ user: User; password: string | null }> => {
      if (!(await isWithin(ctx.db, ctx.user.organisation_id, input.organisationId))) {
        throw notFound({ zh: '该机关', en: 'This organisation' }, 'organisationId');
      }
      if (await findUserByLogin(ctx.db, input.login)) {
        const taken = { zh: `用户名 ${input.login} 已被使用`, en: `The login ${input.login} is taken` };
        throw apiError('CONFLICT', taken, { issues: [{ path: ['login'], message: taken }] });
      }
      const chosen = input.password ?? generatePassword();
      const row = await createUser(ctx.db, { ...input, password: chosen });
      await audit(ctx.db, {
        action: 'user.create',
        userId: ctx.user.id,
        detail: { id: row.id, login: row.login, role: row.role },
      });
      return { user: shape(row), password: input.password ? null : chosen };
    }),

  setRole: adminProcedure
    .input(z.strictObject({ id, role }))
    .mutation(async ({ ctx, input }): Promise<User> => {
      const row = await managed(ctx, input.id);
      if (row.id === ctx.user.id && input.role !== 'admin') {
        const own = {
          zh: '不能取消自己的管理员身份，请由另一位管理员操作',
          en: 'You cannot remove your own administrator role; another administrator must',
        };
        throw apiError('FORBIDDEN', own, { issues: [{ path: ['role'], message: own }] });
      }
      const updated = (await setUserRole(ctx.db, row.id, input.role))!;
      await audit(ctx.db, {
        action: 'user.role',
        userId: ctx.user.id,
        detail: { id: row.id, from: row.role, to: input.role },
      });
      return shape(updated);
    }),

  /**
   * Clears the user's failed sign-ins from every address, so that they can sign in at once;
   * `cleared` is how many failures were counted against the account.
   */
  unlock: adminProcedure
    .input(z.strictObject({ id }))
    .mutation(async ({ ctx, input }): Promise<{ cleared: number }> => {
      const row = await managed(ctx, input.id);
      const cleared = await clearLoginFailures(ctx.db, row.login.toLowerCase());
      await audit(ctx.db, { action: 'user.unlock', userId: ctx.user.id, detail: { id: row.id, cleared } });
      return { cleared };
    }),

  /** Sets a new password (generated when not given, returned once) and ends the user's sessions. */
  resetPassword: adminProcedure
    .input(z.strictObject({ id, password: password.optional() }))
    .mutation(async ({ ctx, input }): Promise<{ password: string | null }> => {
      const row = await managed(ctx, input.id);
      const chosen = input.password ?? generatePassword();
      await setUserPassword(ctx.db, row.id, chosen);
      await audit(ctx.db, { action: 'user.password', userId: ctx.user.id, detail: { id: row.id } });
      return { password: input.password ? null : chosen };
    }),
});
