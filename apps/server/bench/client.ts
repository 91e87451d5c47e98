/** What the benchmarks share: a light HTTP client that speaks tRPC, and measurements. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, createServer, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

export function freePort(): Promise<number> {
  return new Promise((r) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => r(port));
    });
  });
}

/** node:http with keep-alive: far lighter than fetch, so the clients take less of the CPU they share with the server. */
export const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export function request(
  url: URL,
  method: 'GET' | 'POST',
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolveRequest, reject) => {
    const req = httpRequest(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolveRequest({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // An idle kept-alive connection the server closed (its keepAliveTimeout) just as this request
      // went out on it: nothing reached the server, so sending again on a new connection is safe
      // (Node's documented pattern, `request.reusedSocket`).
      if (req.reusedSocket && error.code === 'ECONNRESET') {
        request(url, method, headers, body).then(resolveRequest, reject);
      } else reject(error);
    });
    req.end(body);
  });
}

export class Client {
  cookie = '';
  constructor(readonly base: string) {}

  async call(
    kind: 'query' | 'mutation',
    path: string,
    input?: unknown,
    /** The mutation's input already as JSON (the savers build theirs from pieces serialised once). */
    json?: string,
  ): Promise<{ id: number; version: number }> {
    const url = new URL(`/trpc/${path}`, this.base);
    if (kind === 'query' && input !== undefined) url.searchParams.set('input', JSON.stringify(input));
    const body = kind === 'mutation' ? (json ?? JSON.stringify(input ?? {})) : undefined;
    const headers: Record<string, string> = { 'content-type': 'application/json', cookie: this.cookie };
    if (body) headers['content-length'] = String(Buffer.byteLength(body));
    const response = await request(url, kind === 'query' ? 'GET' : 'POST', headers, body);
    const cookie = response.headers['set-cookie']?.[0];
    if (cookie) this.cookie = cookie.split(';')[0]!;
    const parsed = JSON.parse(response.body.toString()) as {
      result?: { data: unknown };
      error?: { message: string };
    };
    if (parsed.error) throw new Error(`${path}: ${parsed.error.message}`);
    return parsed.result!.data as { id: number; version: number };
  }

  async download(path: string): Promise<{ status: number; bytes: number }> {
    const response = await request(new URL(path, this.base), 'GET', { cookie: this.cookie });
    return { status: response.status, bytes: response.body.byteLength };
  }
}

/**
 * A simulated user's own kept-alive connection, speaking just enough HTTP/1.1 for the API's single
 * calls (a JSON body out, an answer with a Content-Length back), as a browser tab holds its own.
 * The load generator shares the cores with the servers it measures: node:http's client costs about
 * 1.7 ms of CPU a save (measured), about as much as the server's PostgreSQL work, and this a
 * fraction of that. Logins and downloads still go through `Client`.
 */
export class Connection {
  private socket: Socket | undefined;
  private received: Buffer = Buffer.alloc(0);
  private waiting:
    | { resolve: (r: { status: number; body: Buffer }) => void; reject: (e: Error) => void }
    | undefined;

  constructor(
    readonly base: string,
    readonly cookie: string,
  ) {}

  private open(): Socket {
    const { hostname, port } = new URL(this.base);
    const socket = connect(Number(port), hostname);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
      this.answer();
    });
    const closed = (error?: Error) => {
      if (this.socket === socket) this.socket = undefined;
      this.received = Buffer.alloc(0);
      this.waiting?.reject(error ?? new Error('the server closed the connection'));
      this.waiting = undefined;
    };
    socket.on('error', closed);
    socket.on('close', () => closed());
    return socket;
  }

  private answer() {
    const end = this.received.indexOf('\r\n\r\n');
    if (end < 0 || !this.waiting) return;
    const head = this.received.subarray(0, end).toString('latin1');
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) return this.waiting.reject(new Error(`an answer without Content-Length: ${head}`));
    const size = end + 4 + Number(length[1]);
    if (this.received.length < size) return;
    const body = this.received.subarray(end + 4, size);
    this.received = this.received.subarray(size);
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting.resolve({ status: Number(head.slice(9, 12)), body });
  }

  /** POSTs a JSON body to a tRPC mutation; the answer's `result.data`, or throws its error. */
  mutate(path: string, json: string): Promise<{ version: number }> {
    this.socket ??= this.open();
    const request = `POST /trpc/${path} HTTP/1.1\r\nHost: ${new URL(this.base).host}\r\nContent-Type: application/json\r\nCookie: ${this.cookie}\r\nContent-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`;
    return new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket!.write(request);
    }).then(({ status, body }) => {
      const parsed = JSON.parse(body.toString()) as {
        result?: { data: { version: number } };
        error?: { message: string };
      };
      if (status !== 200 || !parsed.result) throw new Error(`${path}: ${status} ${parsed.error?.message}`);
      return parsed.result.data;
    });
  }

  close() {
    this.socket?.destroy();
  }
}

/** CPU seconds the server process has used (Linux /proc; NaN elsewhere): less inflated by other load than wall time. */
export function serverCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

const serverDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Starts the built server as `pnpm start` does (`node dist/start.js`, a separate process) on a free
 * port, with the rendering cache off: every download is rendered, so PDFs/s is what the renderer
 * does, not what the cache answers. An unexpected exit is reported with its output.
 */
export async function startServerProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/start.js'], {
    cwd: serverDir,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NIANBAO_PDF_CACHE_MB: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  await new Promise<void>((resolveStart, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('Listening on')) resolveStart();
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
  // Our SIGTERM ends it with exit code 0 (a graceful shutdown); anything else is news.
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM')
      console.error(`server ${child.pid} ended (${code ?? signal}):\n${out}`);
  });
  return { child, base: `http://127.0.0.1:${port}` };
}
