import type { Role } from '@nianbao/db';
import { initTRPC, TRPCError } from '@trpc/server';
import type { Context, SessionUser } from './context.ts';
import { apiError, DetailsCause, type ErrorDetails } from './errors.ts';

interface IssueLike {
  path: PropertyKey[];
  message: string;
}

function isIssueList(value: unknown): value is IssueLike[] {
  return (
    Array.isArray(value) &&
    value.every((i) => typeof i === 'object' && i !== null && 'path' in i && 'message' in i)
  );
}

/** Issues of an input that failed its zod schema, each with the path of the field. */
function inputIssues(cause: unknown): ErrorDetails['issues'] | undefined {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  if (!isIssueList(issues)) return undefined;
  return issues.map((i) => {
    const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : (p as string | number)));
    const at = path.length > 0 ? path.join('.') : '(input)';
    return { path, message: { zh: `${at}：${i.message}`, en: `${at}: ${i.message}` } };
  });
}

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const details: ErrorDetails =
      error.cause instanceof DetailsCause
        ? error.cause.details
        : { issues: error.code === 'BAD_REQUEST' ? inputIssues(error.cause) : undefined };
    let message = shape.message;
    if (!(error.cause instanceof DetailsCause) && details.issues && details.issues.length > 0) {
      const first = details.issues[0]!;
      message = `请求参数无效：${first.message.zh}｜Invalid input: ${first.message.en}`;
    } else if (error.code === 'INTERNAL_SERVER_ERROR') {
      message = '服务器内部错误，请稍后重试｜Internal server error; try again later';
    }
    return {
      ...shape,
      message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, ...details },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/** Every procedure but login, logout and me: refuses a request without a live session. */
export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) {
    throw apiError('UNAUTHORIZED', {
      zh: '请先登录（会话不存在或已过期）',
      en: 'Sign in first (no session, or it has expired)',
    });
  }
  return next({ ctx: { ...ctx, user: ctx.user as SessionUser } });
});

const roleNames: Record<Role, { zh: string; en: string }> = {
  filler: { zh: '填报人', en: 'filler' },
  reviewer: { zh: '审核人', en: 'reviewer' },
  admin: { zh: '管理员', en: 'administrator' },
};

export function requireRole(user: SessionUser, roles: Role[]): void {
  if (roles.includes(user.role)) return;
  const zh = roles.map((r) => roleNames[r].zh).join('或');
  const en = roles.map((r) => roleNames[r].en).join(' or ');
  throw apiError('FORBIDDEN', { zh: `只有${zh}可以执行此操作`, en: `Only a ${en} may do this` });
}

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  requireRole(ctx.user, ['admin']);
  return next();
});

export { TRPCError };
