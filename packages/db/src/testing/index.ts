export { type PostgresServer, postgresProgram, startPostgres, stopPostgres } from './postgresServer.ts';
export { createTestDatabase, type TestDatabase, testDatabaseKind, withDatabase } from './testDatabase.ts';
