/**
 * `pnpm nianbao user add --login <name> --org <id> --role filler|reviewer|admin [--name <显示名>] [--password <pw>]`
 * `pnpm nianbao user list [--org <id>]`
 * `pnpm nianbao user reset-password --login <name> [--password <pw>]`
 * `pnpm nianbao user unlock --login <name>` (clears the failed sign-ins that slow the account down)
 * Without --password a random one is generated and printed once.
 */
import {
  audit,
  clearLoginFailures,
  createUser,
  databaseLocation,
  findUserByLogin,
  generatePassword,
  getOrganisation,
  listOrganisations,
  listUsers,
  MIN_PASSWORD_LENGTH,
  openDatabase,
  setUserPassword,
} from '@nianbao/db';
import { ROLES, type Role, roleLabels } from '@nianbao/schema';
import { commandArgs } from '../args.ts';

const USAGE = `usage:
  pnpm nianbao user add --login <name> --org <id> --role filler|reviewer|admin [--name <显示名>] [--password <pw>] [--db <file>]
  pnpm nianbao user list [--org <id>] [--db <file>]
  pnpm nianbao user reset-password --login <name> [--password <pw>] [--db <file>]
  pnpm nianbao user unlock --login <name> [--db <file>]`;

/** A login name: also what `nianbao init` accepts for the first administrator. */
export const LOGIN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const parsed = commandArgs('user', USAGE, rest, {
    login: { type: 'string' },
    org: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    db: { type: 'string' },
  });
  if (!parsed) return 2;
  const { values } = parsed;
  if (sub !== 'add' && sub !== 'list' && sub !== 'reset-password' && sub !== 'unlock') {
    console.error(USAGE);
    return 2;
  }
  const db = await openDatabase(databaseLocation(values.db));
  try {
    if (sub === 'list') {
      const orgs = await listOrganisations(db);
      const ids = values.org ? [Number(values.org)] : orgs.map((o) => o.id);
      const names = new Map(orgs.map((o) => [o.id, o.name_zh]));
      for (const u of await listUsers(db, ids)) {
        console.log(
          `${String(u.id).padStart(4)}  ${u.login.padEnd(16)} ${u.role.padEnd(9)} ${u.display_name}  (${names.get(u.organisation_id)})`,
        );
      }
      return 0;
    }
    const login = values.login?.trim() ?? '';
    if (!LOGIN.test(login)) {
      console.error(
        'nianbao user: --login must be 2–64 letters, digits, dot, dash or underscore 用户名须为 2–64 位字母、数字、点、短横或下划线',
      );
      return 2;
    }
    if (values.password !== undefined && values.password.length < MIN_PASSWORD_LENGTH) {
      console.error(
        `nianbao user: --password must have at least ${MIN_PASSWORD_LENGTH} characters 密码至少 ${MIN_PASSWORD_LENGTH} 位`,
      );
      return 2;
    }
    if (sub === 'unlock') {
      const user = await findUserByLogin(db, login);
      if (!user) {
        console.error(`nianbao user: no user "${login}" 用户不存在`);
        return 1;
      }
      const cleared = await clearLoginFailures(db, user.login.toLowerCase());
      await audit(db, { action: 'user.unlock', login, detail: { id: user.id, cleared, via: 'cli' } });
      console.log(
        `${login} can sign in again at once (${cleared} failed sign-ins cleared). 已解除登录限制。`,
      );
      return 0;
    }
    const password = values.password ?? generatePassword();
    if (sub === 'reset-password') {
      const user = await findUserByLogin(db, login);
      if (!user) {
        console.error(`nianbao user: no user "${login}" 用户不存在`);
        return 1;
      }
      await setUserPassword(db, user.id, password);
      await audit(db, { action: 'user.password', login, detail: { id: user.id, via: 'cli' } });
      console.log(`Password of ${login} reset; their sessions ended. 已重置密码。`);
      if (!values.password) console.log(`  new password: ${password}`);
      return 0;
    }
    const role = values.role as Role;
    if (!ROLES.includes(role)) {
      const named = ROLES.map((r) => `${r}（${roleLabels[r].zh}）`).join('、');
      console.error(`nianbao user: --role must be ${ROLES.join(', ')} 角色须为 ${named}`);
      return 2;
    }
    const orgId = Number(values.org);
    const org = Number.isInteger(orgId) ? await getOrganisation(db, orgId) : undefined;
    if (!org) {
      console.error(
        `nianbao user: --org must be the id of an organisation (see: pnpm nianbao org list) 机关编号不存在`,
      );
      return 2;
    }
    if (await findUserByLogin(db, login)) {
      console.error(`nianbao user: the login "${login}" is taken 用户名已被使用`);
      return 1;
    }
    const user = await createUser(db, {
      login,
      displayName: values.name?.trim() || login,
      password,
      role,
      organisationId: org.id,
    });
    await audit(db, { action: 'user.create', login, detail: { id: user.id, role, via: 'cli' } });
    console.log(`User ${user.id} ${login} (${role}) at ${org.name_zh} created. 已创建用户。`);
    if (!values.password) console.log(`  password: ${password}`);
    return 0;
  } finally {
    await db.destroy();
  }
}
