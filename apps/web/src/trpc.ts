import type { AppRouter } from '@nianbao/api';
import type { Lang } from '@nianbao/schema';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function makeClient() {
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: '/trpc' })] });
}

export type Client = ReturnType<typeof makeClient>;

export type ApiError = TRPCClientError<AppRouter>;

export function isApiError(error: unknown): error is ApiError {
  return error instanceof TRPCClientError;
}

/** The request never reached the server or got no answer (offline, server down). */
export function isNetworkError(error: unknown): boolean {
  if (!isApiError(error)) return error instanceof TypeError;
  return !error.data || (error.data.httpStatus ?? 0) >= 502;
}

export function errorCode(error: unknown): string | undefined {
  return isApiError(error) ? error.data?.code : undefined;
}

/** The server's message in the user's language (the API sends it as `data.message: { zh, en }`). */
export function errorMessage(error: unknown, lang: Lang): string {
  if (isNetworkError(error)) {
    return lang === 'zh'
      ? '无法连接服务器，请检查网络'
      : 'The server cannot be reached; check the connection';
  }
  if (isApiError(error) && error.data?.message) return error.data.message[lang];
  return error instanceof Error ? error.message : String(error);
}

/**
 * The server's messages for each input field it names (`data.issues`, keyed by the first step of the
 * path), in the user's language. The API puts the path in front of a message (`login：…`) for a
 * reader of the raw response; beside the field's own label it is dropped.
 */
export function fieldErrors(error: unknown, lang: Lang): Map<string, string> {
  const found = new Map<string, string>();
  const issues = isApiError(error) ? (error.data?.issues ?? []) : [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    const text = issue.message[lang].replace(new RegExp(`^${issue.path.join('\\.')}\\s*[：:]\\s*`), '');
    found.set(field, found.has(field) ? `${found.get(field)} ${text}` : text);
  }
  return found;
}
