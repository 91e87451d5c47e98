/** Settings from the environment, with the defaults `pnpm start` uses. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type DatabaseLocation, databaseFromEnv } from '@nianbao/db';

export interface Config {
  /** `NODE_ENV=production`: no demo, secure cookies by default, no start while a demo password works. */
  production: boolean;
  port: number;
  /** Without NODE_ENV=production: 127.0.0.1 unless HOST says otherwise. */
  host: string | undefined;
  database: DatabaseLocation;
  /** The built web app (NIANBAO_WEB_DIST); without it the server answers the API only. */
  webRoot: string | undefined;
  sessionTtlMs: number;
  secureCookies: boolean;
  trustProxy: boolean;
  pdfThreads: number | undefined;
  /** Megabytes of rendered PDFs and HTML kept for repeated downloads. */
  pdfCacheMb: number;
  seedDemo: boolean;
}

function number(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number, not "${value}"`);
  return n;
}

const yes = (value: string | undefined, fallback: boolean) =>
  value === undefined || value === '' ? fallback : !['0', 'false', 'no', 'off'].includes(value.toLowerCase());

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  return {
    production,
    port: number('PORT', env.PORT, 3000),
    // A newcomer's demo server (published passwords, plain HTTP) is reachable from this machine only.
    host: env.HOST || (production ? undefined : '127.0.0.1'),
    database: databaseFromEnv(env),
    webRoot: env.NIANBAO_WEB_DIST ? resolve(env.NIANBAO_WEB_DIST) : undefined,
    sessionTtlMs: number('NIANBAO_SESSION_HOURS', env.NIANBAO_SESSION_HOURS, 12) * 60 * 60 * 1000,
    secureCookies: yes(env.NIANBAO_SECURE_COOKIES, production),
    trustProxy: yes(env.NIANBAO_TRUST_PROXY, false),
    pdfThreads: env.NIANBAO_PDF_THREADS
      ? number('NIANBAO_PDF_THREADS', env.NIANBAO_PDF_THREADS, 1)
      : undefined,
    pdfCacheMb: number('NIANBAO_PDF_CACHE_MB', env.NIANBAO_PDF_CACHE_MB, 64),
    seedDemo: !production && yes(env.NIANBAO_SEED_DEMO, true),
  };
}

export const webAppExists = (webRoot: string | undefined): webRoot is string =>
  webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
