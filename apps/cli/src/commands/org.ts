/**
 * `pnpm nianbao org add --name <机关名称> [--name-en <name>] [--parent <id>] [--deadline MM-DD]`
 * `pnpm nianbao org list`
 */
import {
  audit,
  createOrganisation,
  databaseLocation,
  getOrganisation,
  listOrganisations,
  type OrganisationRow,
  openDatabase,
} from '@nianbao/db';
import { commandArgs } from '../args.ts';

const USAGE = `usage:
  pnpm nianbao org add --name <机关名称> [--name-en <name>] [--parent <id>] [--deadline MM-DD] [--db <file>]
  pnpm nianbao org list [--db <file>]`;

const DEADLINE = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function printTree(orgs: OrganisationRow[]): void {
  const children = new Map<number | null, OrganisationRow[]>();
  for (const o of orgs) children.set(o.parent_id, [...(children.get(o.parent_id) ?? []), o]);
  const walk = (parent: number | null, depth: number) => {
    for (const o of children.get(parent) ?? []) {
      const extra = [o.name_en, o.deadline ? `deadline ${o.deadline}` : undefined]
        .filter(Boolean)
        .join(' · ');
      console.log(
        `${String(o.id).padStart(4)}  ${'  '.repeat(depth)}${o.name_zh}${extra ? `  (${extra})` : ''}`,
      );
      walk(o.id, depth + 1);
    }
  };
  walk(null, 0);
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const parsed = commandArgs('org', USAGE, rest, {
    name: { type: 'string' },
    'name-en': { type: 'string' },
    parent: { type: 'string' },
    deadline: { type: 'string' },
    db: { type: 'string' },
  });
  if (!parsed) return 2;
  const { values } = parsed;
  if (sub !== 'add' && sub !== 'list') {
    console.error(USAGE);
    return 2;
  }
  const db = await openDatabase(databaseLocation(values.db));
  try {
    if (sub === 'list') {
      printTree(await listOrganisations(db));
      return 0;
    }
    const name = values.name?.trim() ?? '';
    if (name.length === 0 || name.length > 200) {
      console.error('nianbao org: --name is required (the full name, e.g. 天坛街道办事处) 须填写机关全称');
      return 2;
    }
    if (values.deadline !== undefined && !DEADLINE.test(values.deadline)) {
      console.error('nianbao org: --deadline must be MM-DD, e.g. 01-31 截止日期格式为 MM-DD');
      return 2;
    }
    let parentId: number | null = null;
    if (values.parent !== undefined) {
      const parent = await getOrganisation(db, Number(values.parent));
      if (!parent) {
        console.error(
          `nianbao org: no organisation ${values.parent} (see: pnpm nianbao org list) 上级机关不存在`,
        );
        return 2;
      }
      parentId = parent.id;
    }
    const org = await createOrganisation(db, {
      nameZh: name,
      nameEn: values['name-en']?.trim() || null,
      parentId,
      deadline: values.deadline ?? null,
    });
    await audit(db, { action: 'org.create', detail: { id: org.id, name: org.name_zh, via: 'cli' } });
    console.log(`Organisation ${org.id} ${org.name_zh} created. 已创建机关，编号 ${org.id}。`);
    return 0;
  } finally {
    await db.destroy();
  }
}
