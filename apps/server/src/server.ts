/**
 * The HTTP service: `/trpc` (the API), `GET /reports/:id.pdf|.docx|.html` (renderings), `/healthz`, and
 * the built web app. One process; PDFs render in a worker pool so the API stays responsive.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  type ApiDeps,
  appRouter,
  authenticate,
  createApiDeps,
  createContext,
  type LoginThrottleOptions,
  readableReport,
  readCookie,
  SESSION_COOKIE,
  versionData,
} from '@nianbao/api';
import {
  type Db,
  deleteExpiredSessions,
  deleteOldLoginFailures,
  getReport,
  openDatabase,
  type ReportRow,
} from '@nianbao/db';
import { isReportLang, REPORT_LANGS, reportTitle } from '@nianbao/schema';
import type { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { readBody } from './body.ts';
import { ExportPool, type ExportPoolOptions } from './export/pool.ts';
import {
  answerClientError,
  contentTypeRefusal,
  crossSiteRefusal,
  declaredSizeRefusal,
  tooLarge,
} from './guards.ts';
import { contentDisposition, securityHeaders, sendError, sendRefusal } from './headers.ts';
import { ImportPool, type ImportPoolOptions } from './import/pool.ts';
import { openApiDocument } from './openapi.ts';
import { type RenderPool as Pool, QueueFullError, RenderPool } from './pdf/pool.ts';
import type { RenderJob } from './pdf/renderJob.ts';
import { serveStatic } from './staticFiles.ts';
import { answerDirectCall, directCall } from './trpcCall.ts';

export interface ServerOptions {
  /** SQLite file (created when missing). */
  databaseFile: string;
  /** A `postgres://` URL: PostgreSQL instead of the SQLite file. */
  databaseUrl?: string;
  port?: number;
  /** Interface to listen on; default all. */
  host?: string;
  /** Built web app to serve (apps/web/dist); absent: a note at `/`. */
  webRoot?: string;
  /** Largest request body accepted (default 4 MB: a report with long narrative is well under 2 MB). */
  maxBodyBytes?: number;
  sessionTtlMs?: number;
  secureCookies?: boolean;
  /**
   * Behind one reverse proxy: take the client's address from the last `X-Forwarded-For` entry (the
   * one the proxy added) for the login limits and the audit log.
   */
  trustProxy?: boolean;
  /** The sign-in throttle (default: 5 failures per account and address, 10 per account, 30 per address). */
  loginThrottle?: LoginThrottleOptions;
  pdfThreads?: number;
  /** Megabytes of renderings kept for repeated downloads (default 64; 0 renders every download). */
  pdfCacheMb?: number;
  /** Import workers, their time limit and the limits on concurrent imports. */
  imports?: ImportPoolOptions;
  /** The desk export's worker (threads, queue, time limit). */
  exports?: ExportPoolOptions;
  /** Longest a request may take to arrive, headers and body (default 60 s); then 408. */
  requestTimeoutMs?: number;
  /** Seconds to let in-flight requests finish on shutdown (default 10). */
  shutdownGraceSeconds?: number;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  deps: ApiDeps;
  pool: Pool;
  server: Server;
  /** Stops accepting, lets in-flight requests finish, then closes the pool and the database. */
  close(): Promise<void>;
}

const REPORT_PATH = /^\/reports\/(\d{1,10})\.(pdf|docx|html)$/;

const CONTENT_TYPES: Record<RenderJob['kind'], string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const db = await openDatabase({ file: options.databaseFile, url: options.databaseUrl });
  const imports = new ImportPool(options.imports);
  const exportPool = new ExportPool(
    { file: options.databaseFile, url: options.databaseUrl },
    options.exports,
  );
  const deps = createApiDeps({
    db,
    uploadReader: imports,
    deskExporter: exportPool.export,
    sessionTtlMs: options.sessionTtlMs,
    secureCookies: options.secureCookies,
    loginThrottle: options.loginThrottle,
  });
  const pool = new RenderPool({
    threads: options.pdfThreads,
    cacheBytes: options.pdfCacheMb === undefined ? undefined : options.pdfCacheMb * 1024 * 1024,
  });
  const maxBody = options.maxBodyBytes ?? 4 * 1024 * 1024;
  let inFlight = 0;
  let closing = false;
  let drained: (() => void) | undefined;

  function clientAddress(req: IncomingMessage): string | null {
    const forwarded = options.trustProxy ? req.headers['x-forwarded-for'] : undefined;
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',').at(-1)?.trim();
    return last || (req.socket.remoteAddress ?? null);
  }

  async function handleTrpc(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const hosts = [req.headers.host, options.trustProxy ? req.headers['x-forwarded-host'] : undefined].filter(
      (h): h is string => typeof h === 'string' && h !== '',
    );
    // Every POST to the API is a mutation (queries are GETs): each changes state, logout included.
    const changesState = req.method !== 'GET' && req.method !== 'HEAD';
    const refusal =
      crossSiteRefusal(req, hosts, changesState) ??
      (changesState ? (contentTypeRefusal(req) ?? declaredSizeRefusal(req, maxBody)) : undefined);
    if (refusal) {
      // The body is not read: the connection closes after the answer instead of draining it.
      if (changesState) res.setHeader('Connection', 'close');
      return sendRefusal(res, refusal);
    }
    let body: Uint8Array<ArrayBuffer> | undefined;
    if (req.method === 'POST') {
      const read = await readBody(req, maxBody);
      if (!read.ok) {
        return read.reason === 'too-large'
          ? sendRefusal(res, tooLarge(maxBody))
          : read.reason === 'invalid-utf8'
            ? sendError(res, 400, 'BAD_REQUEST', {
                zh: '请求内容不是有效的 UTF-8 文本',
                en: 'The request body is not valid UTF-8 text',
              })
            : sendError(res, 400, 'BAD_REQUEST', {
                zh: '请求未完整发送',
                en: 'The request body was cut off',
              });
      }
      body = read.bytes;
    }
    const onError = (error: TRPCError, path: string | undefined) => {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        log(`trpc ${path ?? '?'}: ${error.cause?.stack ?? error.stack}`);
    };
    const call = directCall(appRouter, req.method, url, body);
    if (call) {
      const cookies: string[] = [];
      const answer = await answerDirectCall(
        appRouter,
        call,
        () =>
          createContext(deps, {
            cookieHeader: req.headers.cookie,
            address: clientAddress(req),
            setCookie: (value) => cookies.push(value),
          }),
        onError,
      );
      const bytes = Buffer.from(answer.body);
      const out: Record<string, string | string[]> = {
        ...answer.headers,
        'cache-control': 'no-store',
        'content-length': String(bytes.length),
      };
      if (cookies.length > 0) out['set-cookie'] = cookies;
      res.writeHead(answer.status, out);
      return void res.end(bytes);
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    const request = new Request(url, { method: req.method, headers, body });
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      req: request,
      router: appRouter,
      // A batch runs its calls one after another on one connection; a huge one is a way to stall it.
      maxBatchSize: 50,
      createContext: ({ resHeaders }) =>
        createContext(deps, {
          cookieHeader: req.headers.cookie,
          address: clientAddress(req),
          setCookie: (value) => resHeaders.append('Set-Cookie', value),
        }),
      onError: ({ error, path }) => onError(error, path),
    });
    const out: Record<string, string | string[]> = {};
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') out[name] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) out['set-cookie'] = cookies;
    out['cache-control'] = 'no-store';
    res.writeHead(response.status, out);
    res.end(Buffer.from(await response.arrayBuffer()));
  }

  async function handleReport(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    id: number,
    kind: RenderJob['kind'],
  ): Promise<void> {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    const user = token ? await authenticate(db, token) : null;
    if (!user) return sendError(res, 401, 'UNAUTHORIZED', { zh: '请先登录', en: 'Sign in first' });
    const langParam = url.searchParams.get('lang') ?? 'zh';
    if (!isReportLang(langParam)) {
      return sendError(res, 400, 'BAD_REQUEST', {
        zh: `lang 须为 ${REPORT_LANGS.join('、')}`,
        en: `lang must be one of ${REPORT_LANGS.join(', ')}`,
      });
    }
    const lang = langParam;
    let row: ReportRow;
    try {
      row = await readableReport(db, user, await getReport(db, id));
    } catch {
      return sendError(res, 404, 'NOT_FOUND', {
        zh: '报告不存在，或您无权查看',
        en: 'No such report, or you may not see it',
      });
    }
    const etag = `"r${row.id}-v${row.version}-${lang}-${kind}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag, 'Cache-Control': 'private, no-cache' });
      return void res.end();
    }
    // Parsed once per version: the PDF of a report just saved is asked for again and again.
    const data = versionData(db, row);
    let result: Awaited<ReturnType<Pool['render']>>;
    try {
      result = await pool.render(`${row.id}:${row.version}:${lang}:${kind}`, () => ({
        kind,
        lang,
        report: data,
      }));
    } catch (error) {
      if (error instanceof QueueFullError) {
        res.setHeader('Retry-After', '5');
        return sendError(res, 503, 'SERVICE_UNAVAILABLE', {
          zh: 'PDF 生成繁忙，请稍后重试',
          en: 'PDF rendering is busy; try again shortly',
        });
      }
      log(`render report ${row.id} ${kind} ${lang}: ${error instanceof Error ? error.stack : String(error)}`);
      return sendError(res, 500, 'INTERNAL_SERVER_ERROR', {
        zh: '生成失败，请稍后重试',
        en: 'Rendering failed; try again later',
      });
    }
    if (!result.ok) {
      return sendError(res, 422, 'UNPROCESSABLE_CONTENT', {
        zh: `无法生成${lang === 'en' ? '英文' : ''}版本：${result.message}`,
        en: result.message,
      });
    }
    const title = reportTitle(data).zh;
    const inline = kind === 'html' || url.searchParams.get('download') === '0';
    const headers: Record<string, string | number> = {
      'Content-Type': CONTENT_TYPES[kind],
      'Content-Length': result.body.byteLength,
      'Content-Disposition': contentDisposition(
        inline ? 'inline' : 'attachment',
        `${title}.${kind}`,
        `nianbao-report-${data.year}-${lang}.${kind}`,
      ),
      'Cache-Control': 'private, no-cache',
      ETag: etag,
    };
    if (kind === 'html') {
      headers['Content-Security-Policy'] =
        "default-src 'none'; style-src 'unsafe-inline'; font-src data: 'self'; img-src data:; frame-ancestors 'self'";
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : result.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res);
    if (closing) {
      // Still listening while the requests in flight finish (closing the listener would reset the
      // connections the kernel has queued): a request that comes now is answered, and told to retry.
      res.setHeader('Connection', 'close');
      res.setHeader('Retry-After', '5');
      return sendError(res, 503, 'SERVICE_UNAVAILABLE', {
        zh: '服务正在停止，请稍后重试',
        en: 'The service is stopping; try again shortly',
      });
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return sendError(res, 400, 'BAD_REQUEST', { zh: '请求地址无效', en: 'Invalid request URL' });
    }
    const path = url.pathname;
    if (path === '/trpc' || path.startsWith('/trpc/')) return handleTrpc(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, 'METHOD_NOT_SUPPORTED', {
        zh: '不支持该请求方法',
        en: 'Method not allowed',
      });
    }
    if (path === '/openapi.json') {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' });
      return void res.end(JSON.stringify(openApiDocument()));
    }
    if (path === '/healthz') {
      await db.selectFrom('organisations').select('id').limit(1).execute();
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      return void res.end(JSON.stringify({ ok: true, pdfThreads: pool.threads, ...pool.stats }));
    }
    const report = REPORT_PATH.exec(path);
    if (report) return handleReport(req, res, url, Number(report[1]), report[2] as RenderJob['kind']);
    if (await serveStatic(options.webRoot, req, res, path)) return;
    sendError(res, 404, 'NOT_FOUND', { zh: '页面不存在', en: 'Not found' });
  }

  const requestTimeout = options.requestTimeoutMs ?? 60_000;
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(20_000, requestTimeout),
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, requestTimeout / 4)),
    },
    (req, res) => {
      inFlight++;
      fresh.delete(req.socket);
      served.add(req.socket);
      busy.add(req.socket);
      res.on('close', () => {
        inFlight--;
        busy.delete(req.socket);
        settle();
      });
      handle(req, res).catch((error: unknown) => {
        log(`${req.method} ${req.url}: ${error instanceof Error ? error.stack : String(error)}`);
        sendError(res, 500, 'INTERNAL_SERVER_ERROR', { zh: '服务器内部错误', en: 'Internal server error' });
      });
    },
  );
  server.keepAliveTimeout = 5_000;
  // Connections accepted whose first request has not arrived yet: on shutdown they are answered, not
  // dropped (Node's closeIdleConnections counts them as idle and would cut them).
  const fresh = new Set<Socket>();
  // Connections that have had a request: idle ones may be closed (a client retries on a reused one).
  const served = new WeakSet<Socket>();
  const busy = new Set<Socket>();
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    fresh.add(socket);
    open.add(socket);
    socket.once('close', () => {
      fresh.delete(socket);
      open.delete(socket);
      settle();
    });
  });
  function settle(): void {
    if (inFlight === 0 && fresh.size === 0) drained?.();
  }
  server.on('clientError', answerClientError);

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, options.host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost =
    !options.host || options.host === '::' || options.host === '0.0.0.0' ? 'localhost' : options.host;
  const sweep = setInterval(
    () => {
      void deleteExpiredSessions(db).catch(() => undefined);
      void deleteOldLoginFailures(db, new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString()).catch(
        () => undefined,
      );
    },
    60 * 60 * 1000,
  );
  sweep.unref();

  let closed: Promise<void> | undefined;
  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${address.port}`,
    port: address.port,
    db,
    deps,
    pool,
    server,
    close() {
      closed ??= (async () => {
        closing = true;
        clearInterval(sweep);
        const idle = () => {
          for (const socket of open) if (served.has(socket) && !busy.has(socket)) socket.destroy();
        };
        idle();
        if (inFlight > 0 || fresh.size > 0) {
          const grace = (options.shutdownGraceSeconds ?? 10) * 1000;
          // Answers during shutdown say `Connection: close`; keep-alive connections left idle are closed.
          const sweepIdle = setInterval(idle, 100);
          await Promise.race([
            new Promise<void>((r) => (drained = r)),
            new Promise((r) => setTimeout(r, grace).unref()),
          ]);
          clearInterval(sweepIdle);
        }
        const stopped = new Promise<void>((r) => server.close(() => r()));
        server.closeAllConnections();
        await stopped;
        await pool.destroy();
        await imports.destroy();
        await exportPool.destroy();
        await db.destroy();
      })();
      return closed;
    },
  };
}
