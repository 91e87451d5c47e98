import type { Role } from '@nianbao/db';
import { roleLabels, splitBilingual } from '@nianbao/schema';
import { initTRPC, type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';
import type { Context, SessionUser } from './context.ts';
import { apiError, DetailsCause, type ErrorDetails } from './errors.ts';
import './zodMessages.ts';

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
    const { zh, en } = splitBilingual(i.message);
    return { path, message: { zh: `${at}：${zh}`, en: `${at}: ${en}` } };
  });
}

/** The Chinese for errors that tRPC itself raises (bad JSON, wrong method, unknown procedure). */
const protocolErrors: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
  PARSE_ERROR: '请求不是有效的 JSON',
  BAD_REQUEST: '请求无效',
  METHOD_NOT_SUPPORTED: '请求方法不对：查询用 GET，修改用 POST',
  NOT_FOUND: '没有这个接口',
  PAYLOAD_TOO_LARGE: '请求过大',
};

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    if (error.cause instanceof DetailsCause) {
      return {
        ...shape,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          ...error.cause.details,
        },
      };
    }
    const issues = error.code === 'BAD_REQUEST' ? inputIssues(error.cause) : undefined;
    let message: string;
    if (issues && issues.length > 0) {
      const first = issues[0]!;
      const more =
        issues.length > 1
          ? { zh: `（另有 ${issues.length - 1} 处）`, en: ` (and ${issues.length - 1} more)` }
          : { zh: '', en: '' };
      message = `请求参数无效：${first.message.zh}${more.zh}｜Invalid input: ${first.message.en}${more.en}`;
    } else if (error.code === 'INTERNAL_SERVER_ERROR') {
      message = '服务器内部错误，请稍后重试｜Internal server error; try again later';
    } else {
      const zh = error.cause instanceof SyntaxError ? protocolErrors.PARSE_ERROR : protocolErrors[error.code];
      message = `${zh ?? '请求失败'}｜${shape.message}`;
    }
    return {
      ...shape,
      message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, issues },
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

export function requireRole(user: SessionUser, roles: Role[]): void {
  if (roles.includes(user.role)) return;
  const zh = roles.map((r) => roleLabels[r].zh).join('或');
  const en = roles.map((r) => roleLabels[r].en).join(' or ');
  throw apiError('FORBIDDEN', { zh: `只有${zh}可以执行此操作`, en: `Only a ${en} may do this` });
}

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  requireRole(ctx.user, ['admin']);
  return next();
});

export { TRPCError };
