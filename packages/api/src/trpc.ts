import { type Label, type Role, roleLabels } from '@nianbao/schema';
import { initTRPC, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { Context, SessionUser } from './context.ts';
import { apiError, DetailsCause, type ErrorDetails } from './errors.ts';
import { type IssueLike, issueMessage } from './zodMessages.ts';

function isIssueList(value: unknown): value is IssueLike[] {
  return (
    Array.isArray(value) &&
    value.every((i) => typeof i === 'object' && i !== null && 'path' in i && 'message' in i)
  );
}

/** Issues of an input that failed its zod schema, each with the path of the field. */
function inputIssues(cause: unknown, input: unknown): ErrorDetails['issues'] | undefined {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  if (!isIssueList(issues)) return undefined;
  return issues.map((i) => {
    const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : (p as string | number)));
    const at = path.length > 0 ? path.join('.') : '(input)';
    const { zh, en } = issueMessage(i, input);
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
  // The message in both languages travels as `data.message: { zh, en }`; `message` joins them for a
  // reader of the raw response (curl, logs), and no client needs to split it.
  errorFormatter({ shape, error, input }) {
    const base = { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path };
    if (error.cause instanceof DetailsCause) {
      return { ...shape, data: { ...base, message: error.cause.label, ...error.cause.details } };
    }
    const issues = error.code === 'BAD_REQUEST' ? inputIssues(error.cause, input) : undefined;
    let message: Label;
    if (issues && issues.length > 0) {
      const first = issues[0]!;
      const more =
        issues.length > 1
          ? { zh: `（另有 ${issues.length - 1} 处）`, en: ` (and ${issues.length - 1} more)` }
          : { zh: '', en: '' };
      message = {
        zh: `请求参数无效：${first.message.zh}${more.zh}`,
        en: `Invalid input: ${first.message.en}${more.en}`,
      };
    } else if (error.code === 'INTERNAL_SERVER_ERROR') {
      message = { zh: '服务器内部错误，请稍后重试', en: 'Internal server error; try again later' };
    } else {
      const zh = error.cause instanceof SyntaxError ? protocolErrors.PARSE_ERROR : protocolErrors[error.code];
      message = { zh: zh ?? '请求失败', en: shape.message };
    }
    return {
      ...shape,
      message: `${message.zh}｜${message.en}`,
      data: { ...base, message, issues },
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

function requireRole(user: SessionUser, roles: Role[]): void {
  if (roles.includes(user.role)) return;
  const zh = roles.map((r) => roleLabels[r].zh).join('或');
  const en = roles.map((r) => roleLabels[r].en).join(' or ');
  throw apiError('FORBIDDEN', { zh: `只有${zh}可以执行此操作`, en: `Only a ${en} may do this` });
}

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  requireRole(ctx.user, ['admin']);
  return next();
});
