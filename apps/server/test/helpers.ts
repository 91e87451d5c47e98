/**
 * A real server on 127.0.0.1 with a real, fresh database (a SQLite file in a temp directory, or a
 * PostgreSQL database under `NIANBAO_TEST_DB=postgres`), and an HTTP client for it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { seedDemo } from '@nianbao/api';
import { createOrganisation, createUser, type Db } from '@nianbao/db';
import { createTestDatabase } from '@nianbao/db/testing';
import { type ExampleName, exampleJson } from '@nianbao/examples';
import { expect } from 'vitest';
import { type RunningServer, type ServerOptions, startServer } from '../src/server.ts';

export const example = (name: ExampleName): Record<string, unknown> =>
  exampleJson(name) as Record<string, unknown>;

export interface TestServer extends RunningServer {
  dir: string;
  /** The SQLite file (unused under PostgreSQL). */
  file: string;
  /** The PostgreSQL database (under the postgres test project), for a restart on the same data. */
  databaseUrl?: string;
  stop(): Promise<void>;
}

/** Starts a server on a fresh database seeded with the demo. */
export async function testServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const running = await startServer({
    databaseFile: database.file,
    databaseUrl: database.url,
    port: 0,
    host: '127.0.0.1',
    log: () => undefined,
    ...options,
  });
  await seedDemo(running.db);
  return {
    ...running,
    dir: database.dir,
    file: database.file,
    databaseUrl: database.url,
    async stop() {
      await running.close();
      await database.drop();
    },
  };
}

/** A second organisation under the same parent with its own filler, for cross-organisation checks. */
export async function otherOrganisation(
  server: RunningServer,
): Promise<{ orgId: number; login: string; password: string }> {
  const org = await createOrganisation(server.db, {
    nameZh: '示范区某镇人民政府',
    nameEn: 'A Town Government',
    parentId: 1,
  });
  await createUser(server.db, {
    login: 'zhen',
    displayName: '某镇 填报人',
    password: 'zhen-password',
    role: 'filler',
    organisationId: org.id,
  });
  return { orgId: org.id, login: 'zhen', password: 'zhen-password' };
}

export interface Reply {
  status: number;
  /** The parsed JSON body, or the text when it is not JSON. */
  body: unknown;
  headers: Headers;
}

export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly data: Record<string, unknown>,
    message: string,
  ) {
    super(message);
  }

  /** The message in both languages, as the web app reads it (`data.message`). */
  get text(): { zh: string; en: string } {
    return this.data.message as { zh: string; en: string };
  }
}

/** A browser-like client: keeps the session cookie, speaks tRPC's HTTP format without a transformer. */
export class Client {
  cookie = '';

  constructor(readonly base: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Reply> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const response = await fetch(new URL(path, this.base), { ...init, headers });
    for (const c of response.headers.getSetCookie()) {
      const pair = c.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? '' : pair;
    }
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    return { status: response.status, body, headers: response.headers };
  }

  query(path: string, input?: unknown): Promise<Reply> {
    const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.request(`/trpc/${path}${qs}`);
  }

  mutate(path: string, input?: unknown): Promise<Reply> {
    return this.request(`/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: input === undefined ? undefined : JSON.stringify(input),
    });
  }

  /** The procedure's result, or an ApiCallError with the tRPC code and error data. */
  // biome-ignore lint/suspicious/noExplicitAny: results are JSON the tests look into freely.
  async call<T = any>(kind: 'query' | 'mutation', path: string, input?: unknown): Promise<T> {
    const reply = kind === 'query' ? await this.query(path, input) : await this.mutate(path, input);
    const body = reply.body as {
      result?: { data: T };
      error?: { message: string; data: Record<string, unknown> };
    };
    if (body.error)
      throw new ApiCallError(reply.status, String(body.error.data.code), body.error.data, body.error.message);
    return body.result!.data;
  }

  // biome-ignore lint/suspicious/noExplicitAny: as above.
  async login(login: string, password: string): Promise<any> {
    return this.call('mutation', 'auth.login', { login, password });
  }
}

/** The error a call ends with (fails the test when it succeeds). */
export async function failure(promise: Promise<unknown>): Promise<ApiCallError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiCallError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolvePort(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** False when the process exited before it listened (a refusal to start). */
  listening: boolean;
  output(): string;
  /** Resolves with how the process ended. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const spawned: ChildProcess[] = [];

/** Kills every server process a test file started (its afterAll). */
export function killServerProcesses(): void {
  for (const c of spawned) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

/**
 * `pnpm start` as a single node process (`node dist/start.js`, no wrapper process, so signals reach the server
 * itself) on a free port, with `env` added to this process's environment. Resolves once it
 * listens, or with `listening: false` when it exits first (a refusal to start).
 */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, ['dist/start.js'], {
    cwd: serverDir,
    env: { ...process.env, NIANBAO_PDF_THREADS: '1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  const listening = await new Promise<boolean>((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      if (output.includes('Listening on')) {
        clearTimeout(timer);
        resolveStart(true);
      }
    });
    void exit.then(() => {
      clearTimeout(timer);
      resolveStart(false);
    });
  });
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exited: () => exit,
    listening,
  };
}

export interface Ack {
  report: number;
  version: number;
  mark: string;
}

export function dataFor(year: number, mark: string) {
  const base = example('demo-county-2021');
  const narrative = { ...(base.narrative as Record<string, { zh: string; en?: string }>) };
  narrative['s1.active'] = { zh: mark };
  return { ...base, year, organisation: { zh: '天坛街道办事处' }, narrative };
}

/** Writers that save one after another on their own report until told to stop or the server dies. */
export function saveStream(
  client: Client,
  reports: { id: number; year: number; version: number }[],
  acks: Ack[],
) {
  let stop = false;
  const done = Promise.all(
    reports.map(async (r, w) => {
      let version = r.version;
      for (let n = 0; !stop; n++) {
        const mark = `writer-${w}-save-${n}`;
        try {
          const saved = await client.call('mutation', 'reports.save', {
            id: r.id,
            baseVersion: version,
            data: dataFor(r.year, mark),
          });
          version = saved.version;
          acks.push({ report: r.id, version, mark });
        } catch {
          return;
        }
      }
    }),
  );
  return { stop: () => (stop = true), done };
}

/** Every acknowledged save is in the database: its revision, with the mark it was sent with. */
export async function expectSavesKept(db: Db, acks: Ack[]): Promise<void> {
  for (const ack of acks) {
    const revision = await db
      .selectFrom('report_revisions')
      .select('data')
      .where('report_id', '=', ack.report)
      .where('version', '=', ack.version)
      .executeTakeFirst();
    expect(revision, `${ack.mark} (report ${ack.report} v${ack.version})`).toBeDefined();
    expect(JSON.parse(revision!.data).narrative['s1.active'].zh).toBe(ack.mark);
  }
}
