/**
 * vitest globalSetup of the `postgres` test project: starts a PostgreSQL server for the run unless
 * `NIANBAO_TEST_PG_URL` names one already (CI starts one for all packages).
 */
import { startPostgres } from './postgresServer.ts';

export default function setup(): (() => void) | undefined {
  if (process.env.NIANBAO_TEST_PG_URL) return undefined;
  const server = startPostgres();
  process.env.NIANBAO_TEST_PG_URL = server.url;
  return () => {
    server.stop();
    delete process.env.NIANBAO_TEST_PG_URL;
  };
}
