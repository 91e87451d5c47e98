import {
  audit,
  createSession,
  deleteSession,
  findUserByLogin,
  setUserPassword,
  verifyPassword,
} from '@nianbao/db';
import { type Label, plainText } from '@nianbao/schema';
import { z } from 'zod';
import { authenticate, type SessionUser } from '../context.ts';
import { clearedSessionCookie, sessionCookie } from '../cookies.ts';
import { apiError } from '../errors.ts';
import { chosenPassword } from '../inputs.ts';
import { organisationLabel } from '../services/reports.ts';
import { authedProcedure, publicProcedure, router } from '../trpc.ts';

/** Checked when the login is unknown, so a wrong name takes as long as a wrong password. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export interface Me {
  id: number;
  login: string;
  displayName: string;
  role: SessionUser['role'];
  organisation: { id: number; name: { zh: string; en?: string }; parentId: number | null };
}

function me(user: SessionUser): Me {
  return {
    id: user.id,
    login: user.login,
    displayName: user.display_name,
    role: user.role,
    organisation: {
      id: user.organisation.id,
      name: organisationLabel(user.organisation),
      parentId: user.organisation.parent_id,
    },
  };
}

/** A refused field of the request, named in the message and in `issues` (the web app shows it there). */
function badField(field: string, message: Label) {
  return apiError('BAD_REQUEST', message, { issues: [{ path: [field], message }] });
}

const wrongLogin = () =>
  apiError('UNAUTHORIZED', { zh: '用户名或密码错误', en: 'Wrong user name or password' });

export const authRouter = router({
  login: publicProcedure
    .input(
      z.strictObject({
        login: plainText(z.string().trim().min(1).max(100), {
          zh: '用户名（login）',
          en: 'user name (login)',
        }),
        password: z.string().min(1).max(200),
      }),
    )
    .mutation(async ({ ctx, input }): Promise<Me> => {
      const throttle = ctx.deps.loginThrottle;
      const attempt = { account: input.login.toLowerCase(), address: ctx.address ?? 'unknown' };
      const wait = await throttle.waitSeconds(attempt);
      if (wait > 0) {
        await audit(ctx.db, { action: 'login.blocked', login: input.login, address: ctx.address });
        throw apiError(
          'TOO_MANY_REQUESTS',
          {
            zh: `登录失败次数过多，请 ${wait} 秒后再试`,
            en: `Too many failed sign-ins; try again in ${wait} s`,
          },
          { retryAfterSeconds: wait },
        );
      }
      const user = await findUserByLogin(ctx.db, input.login);
      const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
      if (!user || !ok) {
        await throttle.failed(attempt);
        await audit(ctx.db, {
          action: 'login.failed',
          userId: user?.id ?? null,
          login: input.login,
          address: ctx.address,
        });
        throw wrongLogin();
      }
      await throttle.succeeded(attempt);
      // A new sign-in replaces the session this browser had (no fixation, no orphans).
      if (ctx.token) await deleteSession(ctx.db, ctx.token);
      const { token } = await createSession(ctx.db, user.id, ctx.deps.sessionTtlMs, ctx.address);
      ctx.setCookie(sessionCookie(token, Math.floor(ctx.deps.sessionTtlMs / 1000), ctx.deps.secureCookies));
      await audit(ctx.db, { action: 'login', userId: user.id, login: user.login, address: ctx.address });
      const full = await authenticate(ctx.db, token);
      return me(full!);
    }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.token) {
      await deleteSession(ctx.db, ctx.token);
      await audit(ctx.db, { action: 'logout', userId: ctx.user?.id ?? null, address: ctx.address });
    }
    ctx.setCookie(clearedSessionCookie(ctx.deps.secureCookies));
    return { ok: true as const };
  }),

  /**
   * Any signed-in user changes their own password, proving it with the current one. Every other
   * session of theirs ends (a password thought to be known to someone else is changed to shut them
   * out); this browser gets a new session and stays signed in.
   */
  changePassword: authedProcedure
    .input(
      z.strictObject({
        currentPassword: z.string().min(1).max(200),
        newPassword: chosenPassword('newPassword', { zh: '新密码', en: 'new password (newPassword)' }),
      }),
    )
    .mutation(async ({ ctx, input }): Promise<{ ok: true }> => {
      const { user } = ctx;
      if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
        await audit(ctx.db, { action: 'password.change.failed', userId: user.id, address: ctx.address });
        throw badField('currentPassword', {
          zh: '当前密码（currentPassword）不正确',
          en: 'current password (currentPassword) is wrong',
        });
      }
      if (input.newPassword === input.currentPassword) {
        throw badField('newPassword', {
          zh: '新密码（newPassword）须与当前密码不同',
          en: 'new password (newPassword) must differ from the current one',
        });
      }
      await setUserPassword(ctx.db, user.id, input.newPassword);
      const { token } = await createSession(ctx.db, user.id, ctx.deps.sessionTtlMs, ctx.address);
      ctx.setCookie(sessionCookie(token, Math.floor(ctx.deps.sessionTtlMs / 1000), ctx.deps.secureCookies));
      await audit(ctx.db, { action: 'password.change', userId: user.id, address: ctx.address });
      return { ok: true };
    }),

  /** The signed-in user, or null without a session (the web app shows the login page). */
  me: publicProcedure.query(({ ctx }): Me | null => (ctx.user ? me(ctx.user) : null)),
});
