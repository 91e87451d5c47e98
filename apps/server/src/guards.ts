/**
 * Checks a request passes before the API sees it: where a state-changing request comes from, and
 * what its body is. Answers for the connection-level errors Node raises itself (408, 413, 431) carry
 * the same bilingual message as every other error.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Label } from '@nianbao/schema';

export interface Refusal {
  status: number;
  code: string;
  message: Label;
}

/** The host of an Origin header; an unparsable one matches no host. */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

const CROSS_SITE: Refusal = {
  status: 403,
  code: 'FORBIDDEN',
  message: { zh: '不接受跨站请求', en: 'Cross-site requests are not accepted' },
};

/**
 * A request from another site, or from a page that hides its origin (`Origin: null`: a sandboxed
 * frame, a `no-referrer` form, a file). Browsers send `Origin` with every POST and `Sec-Fetch-Site`
 * with every request; a client that sends neither (curl, the CLI) is not a browser tricked into it.
 * `same-site` is refused too: another port or subdomain of the same site is another application.
 */
export function crossSiteRefusal(
  req: IncomingMessage,
  hosts: string[],
  changesState: boolean,
): Refusal | undefined {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    // A cross-site GET of a query cannot change anything but may read; same-site GETs (links) pass.
    if (changesState || site === 'cross-site') return CROSS_SITE;
  }
  const origin = req.headers.origin;
  if (origin === undefined) return undefined;
  if (origin === 'null') return changesState ? CROSS_SITE : undefined;
  const host = originHost(origin);
  return host !== undefined && hosts.includes(host) ? undefined : CROSS_SITE;
}

/** tRPC mutations take JSON only: a form (multipart, urlencoded, text/plain) can be posted cross-site without CORS. */
export function contentTypeRefusal(req: IncomingMessage): Refusal | undefined {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') return undefined;
  return {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: {
      zh: `请求内容须为 JSON（Content-Type: application/json），不接受「${type || '未注明'}」`,
      en: `The request body must be JSON (Content-Type: application/json), not "${type || 'unstated'}"`,
    },
  };
}

/** A body declared larger than the limit: refused before a byte of it is read. */
export function declaredSizeRefusal(req: IncomingMessage, limit: number): Refusal | undefined {
  const declared = Number(req.headers['content-length']);
  if (!Number.isFinite(declared) || declared <= limit) return undefined;
  return tooLarge(limit);
}

export function tooLarge(limit: number): Refusal {
  const mb = Math.round(limit / 1024 / 1024);
  return {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: { zh: `请求过大（上限 ${mb} MB）`, en: `Request too large (limit ${mb} MB)` },
  };
}

/** The JSON error body every refusal carries, in the shape tRPC clients read. */
export function errorBody(refusal: Refusal): string {
  return JSON.stringify({
    error: {
      message: `${refusal.message.zh}｜${refusal.message.en}`,
      code: -32600,
      data: { code: refusal.code, httpStatus: refusal.status, message: refusal.message },
    },
  });
}

const CLIENT_ERRORS: Record<string, Refusal> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
    message: {
      zh: '请求地址或请求头过长（上限 16 KB）',
      en: 'The request URL or headers are too long (limit 16 KB)',
    },
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'TIMEOUT',
    message: { zh: '请求发送超时，请重试', en: 'The request took too long to arrive; try again' },
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: { zh: '请求分块过大', en: 'A chunk of the request is too large' },
  },
};

const MALFORMED: Refusal = {
  status: 400,
  code: 'BAD_REQUEST',
  message: { zh: '请求格式无效', en: 'Malformed HTTP request' },
};

/**
 * The server's `clientError` handler: Node would answer these with a bare status line (or close the
 * connection); the client gets the status with a bilingual message, then the connection closes.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A response already under way (a request timed out while its answer was being written) is cut.
  const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (!socket.writable || started || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const refusal = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
  const body = errorBody(refusal);
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_TEXT[refusal.status] ?? 'Error'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Cache-Control: no-store\r\nConnection: close\r\n\r\n' +
      body,
  );
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  431: 'Request Header Fields Too Large',
};
