/**
 * Errors a user sees: one message in Chinese and English (sent as `data.message: { zh, en }`), a
 * tRPC code, and structured details the client can act on.
 */
import type { DataIssue, Finding, Label } from '@nianbao/schema';
import { type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';

export interface ConflictDetails {
  /** The version now stored; save again on top of it. */
  version: number;
  data: unknown;
  updatedAt: string;
  updatedBy: { id: number; displayName: string } | null;
  /** On a refused save: the id of the copy kept of it (`reports.rejectedSaves`). */
  rejectedSaveId?: number;
}

export interface ErrorDetails {
  /** What is wrong with the input, field by field. */
  issues?: { path: (string | number)[]; message: Label }[];
  /** CONFLICT on save: the current version and data. */
  conflict?: ConflictDetails;
  /** Submit refused: the rule findings that block it. */
  findings?: Finding[];
  /** TOO_MANY_REQUESTS: seconds until another attempt is accepted. */
  retryAfterSeconds?: number;
}

/** The cause carried by an ApiError, read back by the error formatter. */
export class DetailsCause extends Error {
  constructor(
    readonly label: Label,
    readonly details: ErrorDetails,
  ) {
    super(`${label.zh}｜${label.en}`);
  }
}

export function apiError(code: TRPC_ERROR_CODE_KEY, message: Label, details: ErrorDetails = {}): TRPCError {
  return new TRPCError({
    code,
    message: `${message.zh}｜${message.en}`,
    cause: new DetailsCause(message, details),
  });
}

export function badData(issues: DataIssue[]): TRPCError {
  const first = issues[0]!;
  const more =
    issues.length > 1
      ? { zh: `（另有 ${issues.length - 1} 处）`, en: ` (and ${issues.length - 1} more)` }
      : { zh: '', en: '' };
  return apiError(
    'BAD_REQUEST',
    {
      zh: `报告数据有误：${first.message.zh}${more.zh}`,
      en: `The report data is not valid: ${first.message.en}${more.en}`,
    },
    { issues: issues.map((i) => ({ path: i.path, message: i.message })) },
  );
}

/** `field`: the input field that named the missing thing, so that a form shows the message there. */
export function notFound(what: Label, field?: string): TRPCError {
  const message = {
    zh: `${what.zh}不存在，或您无权查看`,
    en: `${what.en} does not exist, or you may not see it`,
  };
  return apiError('NOT_FOUND', message, field ? { issues: [{ path: [field], message }] } : {});
}
