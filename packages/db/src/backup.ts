import SQLite from 'better-sqlite3';

/**
 * Copies a SQLite database with SQLite's online backup API while the server keeps writing to it:
 * the copy is one consistent state of the database (every commit made before the backup began, and
 * never half of one). Also the way back: a backup copied onto the database file of stopped servers.
 */
export async function backupSqlite(source: string, destination: string): Promise<void> {
  const database = new SQLite(source, { fileMustExist: true });
  try {
    await database.backup(destination);
  } finally {
    database.close();
  }
}
