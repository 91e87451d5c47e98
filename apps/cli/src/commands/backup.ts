/**
 * `pnpm nianbao backup <file> [--db <file>]`: a consistent copy of the SQLite database, made while
 * the server keeps running (SQLite's online backup API), checked with integrity_check.
 * `pnpm nianbao restore <file> [--db <file>]`: puts a backup in place of the database; stop the
 * server(s) first, as they keep parsed reports in memory.
 * PostgreSQL (DATABASE_URL) is backed up with pg_dump and restored with pg_restore (docs/deploy.md).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { backupSqlite, databaseLocation, integrityCheck, openDatabase } from '@nianbao/db';
import { commandArgs } from '../args.ts';

const PG_DUMP = `DATABASE_URL is PostgreSQL: back up with pg_dump and restore with pg_restore (docs/deploy.md):
  pg_dump --format=custom --file=nianbao.dump "$DATABASE_URL"
  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" nianbao.dump
PostgreSQL 数据库请用 pg_dump 备份、pg_restore 恢复（见 docs/deploy.md）。`;

/** integrity_check of a SQLite file: `ok`, or what is wrong. */
async function check(file: string): Promise<string> {
  const db = await openDatabase({ file, migrate: false });
  try {
    return (await integrityCheck(db)).join('; ');
  } finally {
    await db.destroy();
  }
}

export async function run(args: string[], command: 'backup' | 'restore' = 'backup'): Promise<number> {
  const usage = `usage: pnpm nianbao ${command} <file> [--db <file>]`;
  const parsed = commandArgs(command, usage, args, { db: { type: 'string' } }, { positionals: true });
  if (!parsed) return 2;
  const { positionals, values } = parsed;
  if (positionals.length !== 1) {
    console.error(`nianbao ${command}: name one backup file 请指定一个备份文件\n\n${usage}`);
    return 2;
  }
  const location = databaseLocation(values.db);
  if (location.url) {
    console.error(PG_DUMP);
    return 2;
  }
  const file = resolve(positionals[0]!);
  if (command === 'backup') {
    if (existsSync(file)) {
      console.error(`nianbao backup: ${file} exists; name a new file 备份文件已存在，请换一个文件名`);
      return 1;
    }
    await backupSqlite(location.file, file);
    const result = await check(file);
    console.log(`Backup of ${location.label} written to ${file} (integrity_check: ${result}). 备份完成。`);
    return result === 'ok' ? 0 : 1;
  }
  if (!existsSync(file)) {
    console.error(`nianbao restore: no file ${file} 备份文件不存在`);
    return 1;
  }
  const result = await check(file);
  if (result !== 'ok') {
    console.error(
      `nianbao restore: ${file} fails integrity_check (${result}); nothing restored 备份文件已损坏，未恢复`,
    );
    return 1;
  }
  await backupSqlite(file, location.file);
  console.log(`Restored ${location.label} from ${file}. 已恢复。Start the server(s) again.`);
  return 0;
}
