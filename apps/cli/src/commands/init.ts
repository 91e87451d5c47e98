/**
 * `pnpm nianbao init --org <机关名称> --admin <登录名> [--org-en <name>] [--name <显示名>] [--db <file>]`:
 * the first organisation and its administrator in an empty database (production starts this way,
 * never with the demo). The administrator's password is generated and printed once.
 */
import {
  audit,
  createOrganisation,
  createUser,
  databaseLocation,
  generatePassword,
  isEmpty,
  openDatabase,
} from '@nianbao/db';
import { commandArgs } from '../args.ts';
import { LOGIN } from './user.ts';

const USAGE =
  'usage: pnpm nianbao init --org <机关名称> --admin <登录名> [--org-en <name>] [--name <显示名>] [--db <file>]';

export async function run(args: string[]): Promise<number> {
  const parsed = commandArgs('init', USAGE, args, {
    org: { type: 'string' },
    'org-en': { type: 'string' },
    admin: { type: 'string' },
    name: { type: 'string' },
    db: { type: 'string' },
  });
  if (!parsed) return 2;
  const { values } = parsed;
  const orgName = values.org?.trim() ?? '';
  if (orgName.length === 0 || orgName.length > 200) {
    console.error(
      `nianbao init: --org is required (the full name, e.g. 某某县人民政府办公室) 须用 --org 填写机关全称\n\n${USAGE}`,
    );
    return 2;
  }
  const login = values.admin?.trim() ?? '';
  if (!LOGIN.test(login)) {
    console.error(
      `nianbao init: --admin must be 2–64 letters, digits, dot, dash or underscore 管理员登录名（--admin）须为 2–64 位字母、数字、点、短横或下划线\n\n${USAGE}`,
    );
    return 2;
  }
  const location = databaseLocation(values.db);
  const db = await openDatabase(location);
  try {
    if (!(await isEmpty(db))) {
      console.error(
        `nianbao init: ${location.label} holds organisations already; add more with pnpm nianbao org add / user add. 数据库中已有机关，请用 org add、user add 添加。`,
      );
      return 1;
    }
    const password = generatePassword();
    const { org, user } = await db.transaction().execute(async (trx) => {
      const org = await createOrganisation(trx, {
        nameZh: orgName,
        nameEn: values['org-en']?.trim() || null,
      });
      const user = await createUser(trx, {
        login,
        displayName: values.name?.trim() || login,
        password,
        role: 'admin',
        organisationId: org.id,
      });
      return { org, user };
    });
    await audit(db, { action: 'init', userId: user.id, login, detail: { organisation: org.id, via: 'cli' } });
    console.log(
      `Initialised ${location.label}: organisation ${org.id} ${org.name_zh}, administrator ${login}.`,
    );
    console.log('已创建机关和管理员账号。The password is shown this once 密码仅显示这一次:');
    console.log(`  login ${login}  password ${password}`);
    return 0;
  } finally {
    await db.destroy();
  }
}
