/**
 * The test projects of a package whose suites run on both databases: `sqlite` runs every test file,
 * `postgres` runs `postgresFiles` again with `NIANBAO_TEST_DB=postgres` on a server its global
 * setup provides. Imported by path from the vitest configs of db, api and server.
 */
import { fileURLToPath } from 'node:url';
import type { TestProjectConfiguration } from 'vitest/config';

const globalSetup = fileURLToPath(new URL('./postgresGlobalSetup.ts', import.meta.url));

export function databaseProjects(postgresFiles: string[]): TestProjectConfiguration[] {
  return [
    { extends: true as const, test: { name: 'sqlite', env: { NIANBAO_TEST_DB: 'sqlite' } } },
    {
      extends: true as const,
      test: {
        name: 'postgres',
        include: postgresFiles,
        env: { NIANBAO_TEST_DB: 'postgres' },
        globalSetup: [globalSetup],
      },
    },
  ];
}
