/**
 * The test projects of a package whose suites run on both databases: `sqlite` runs every test file,
 * `postgres` runs them again with `NIANBAO_TEST_DB=postgres` on a server its global setup provides,
 * all but `sqliteOnly` (files that test nothing a database changes). Imported by path from the
 * vitest configs of db, api and server.
 */
import { fileURLToPath } from 'node:url';
import { configDefaults, type TestProjectConfiguration } from 'vitest/config';

const globalSetup = fileURLToPath(new URL('./postgresGlobalSetup.ts', import.meta.url));

export function databaseProjects(sqliteOnly: string[] = []): TestProjectConfiguration[] {
  return [
    { extends: true as const, test: { name: 'sqlite', env: { NIANBAO_TEST_DB: 'sqlite' } } },
    {
      extends: true as const,
      test: {
        name: 'postgres',
        // A project's include would be added to the package's, not replace it: leave files out instead.
        exclude: [...configDefaults.exclude, ...sqliteOnly],
        env: { NIANBAO_TEST_DB: 'postgres' },
        globalSetup: [globalSetup],
      },
    },
  ];
}
