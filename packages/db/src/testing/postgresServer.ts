/**
 * A throw-away PostgreSQL 15 server for tests, CI and the benchmark: Debian's binaries, a temporary
 * data directory, reached through a Unix socket in that directory (no TCP port, so several can run
 * side by side). As root the server runs as the `postgres` user, which PostgreSQL requires.
 *
 * Run directly: `tsx postgresServer.ts start <dir>` prints the URL of a server started in `<dir>`
 * (it keeps running), `tsx postgresServer.ts stop <dir>` stops it and removes `<dir>`.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const POSTGRES_BIN = process.env.NIANBAO_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** The path of a PostgreSQL 15 program (`pg_dump`, `pg_restore`, …) of the same installation. */
export const postgresProgram = (name: string): string => join(POSTGRES_BIN, name);

/** Names the socket file only (`.s.PGSQL.<port>`): the server opens no TCP port. */
const SOCKET_PORT = 54320;

export interface PostgresServer {
  /** Superuser URL of the `postgres` database. */
  url: string;
  dir: string;
  stop(): void;
}

export interface StartOptions {
  /** Directory to create the server in (default: a new one under the system temp directory). */
  dir?: string;
  /**
   * Keep PostgreSQL's fsync on (the benchmark). Tests turn it off: they kill server processes, not
   * the database server or the machine, and a commit is safe in PostgreSQL's memory then.
   */
  durable?: boolean;
}

/** The uid and gid of the `postgres` user when running as root (PostgreSQL refuses to run as root). */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('Running as root needs the postgres user: apt-get install -y postgresql');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function run(command: string, args: string[], user: { uid: number; gid: number } | undefined): void {
  const result = spawnSync(postgresProgram(command), args, { encoding: 'utf8', ...user });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(`${command} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

export function startPostgres(options: StartOptions = {}): PostgresServer {
  if (!existsSync(join(POSTGRES_BIN, 'initdb')))
    throw new Error(
      `No PostgreSQL 15 in ${POSTGRES_BIN}: apt-get install -y postgresql (or set NIANBAO_TEST_PG_URL)`,
    );
  const user = postgresUser();
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'nianbao-pg-'));
  const data = join(dir, 'data');
  mkdirSync(data, { recursive: true });
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chownSync(data, user.uid, user.gid);
  }
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], user);
  const settings = [
    `-k ${dir}`,
    "-c listen_addresses=''",
    `-p ${SOCKET_PORT}`,
    '-c max_connections=200',
    ...(options.durable ? [] : ['-c fsync=off', '-c full_page_writes=off']),
  ];
  run(
    'pg_ctl',
    ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', settings.join(' '), 'start'],
    user,
  );
  const url = `postgres://postgres@localhost:${SOCKET_PORT}/postgres?host=${encodeURIComponent(dir)}`;
  return { url, dir, stop: () => stopPostgres(dir) };
}

export function stopPostgres(dir: string): void {
  if (existsSync(join(dir, 'data', 'postmaster.pid')))
    run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop'], postgresUser());
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start' && dir) console.log(startPostgres({ dir }).url);
  else if (command === 'stop' && dir) stopPostgres(dir);
  else {
    console.error('usage: postgresServer.ts start|stop <dir>');
    process.exit(2);
  }
}
