/**
 * A real server on 127.0.0.1 with a real, fresh database (a SQLite file in a temp directory, or a
 * PostgreSQL database under `NIANBAO_TEST_DB=postgres`), and an HTTP client for it.
 */
import { readFileSync } from 'node:fs';
import { seedDemo } from '@nianbao/api';
import { createOrganisation, createUser } from '@nianbao/db';
import { createTestDatabase } from '@nianbao/db/testing';
import { type RunningServer, type ServerOptions, startServer } from '../src/server.ts';

export const EXAMPLES = new URL('../../../examples/', import.meta.url);
export const example = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(name, EXAMPLES), 'utf8')) as Record<string, unknown>;

export interface TestServer extends RunningServer {
  dir: string;
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
