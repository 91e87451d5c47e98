/**
 * `pnpm nianbao seed-demo [--db <file>]`: the demo organisation 天坛街道办事处 under its parent body,
 * the Tiantan 2019 report (approved) and a 2021 draft, and the demo filler, reviewer and
 * administrator. `pnpm start` does the same on a new database.
 */
import { seedDemo } from '@nianbao/api';
import { databaseLocation, openDatabase } from '@nianbao/db';
import { commandArgs } from '../args.ts';

export async function run(args: string[]): Promise<number> {
  const parsed = commandArgs('seed-demo', 'usage: pnpm nianbao seed-demo [--db <file>]', args, {
    db: { type: 'string' },
  });
  if (!parsed) return 2;
  const location = databaseLocation(parsed.values.db);
  const database = await openDatabase(location);
  try {
    const logins = await seedDemo(database);
    console.log(`Demo seeded into ${location.label}. 演示数据已写入。Logins 账号:`);
    for (const l of logins)
      console.log(`  ${l.login.padEnd(10)} ${l.password.padEnd(15)} ${l.role.padEnd(9)} ${l.organisation}`);
    return 0;
  } catch (error) {
    console.error(`nianbao seed-demo: ${(error as Error).message}`);
    return 1;
  } finally {
    await database.destroy();
  }
}
