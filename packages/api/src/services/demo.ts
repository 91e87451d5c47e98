/**
 * The demo data a fresh install starts with (`pnpm start` on an empty database, `pnpm nianbao
 * seed-demo`): 天坛街道办事处 under its parent body, the Tiantan 2019 report (approved) and a 2021
 * draft, a filler at Tiantan and a reviewer and an administrator at the parent body, so that the
 * review of a subordinate body's report can be tried at once; and a second subordinate body,
 * 示范区演示镇人民政府, with an approved 2019 report of invented figures, so that the parent's 2019
 * 汇总 adds up two reports.
 */

import {
  audit,
  changeStatus,
  createOrganisation,
  createUser,
  type Db,
  findUserByLogin,
  listOrganisations,
  verifyPassword,
} from '@nianbao/db';
import { exampleJson } from '@nianbao/examples';
import type { Role } from '@nianbao/schema';
import { createReport } from './reports.ts';

const DEMO_PARENT = {
  nameZh: '济源产城融合示范区管理委员会',
  nameEn: 'Administrative Committee of the Jiyuan Industry-City Integration Demonstration Zone',
};
const DEMO_ORGANISATION = { nameZh: '天坛街道办事处', nameEn: 'Tiantan Subdistrict Office' };
/** A second subordinate body with made-up figures, so that a 汇总 of the parent adds up two reports. */
const DEMO_TOWN = { nameZh: '示范区演示镇人民政府', nameEn: 'Demo Town Government' };

/** The demo town's approved 2019 report: invented figures that keep every rule, narrative marked as demo data. */
function demoTown2019(): unknown {
  const cells: Record<string, number | string> = {
    't2.procurement.items': 8,
    't2.procurement.total_amount': '36.5',
    't3.new_received.natural_person': 6,
    't3.new_received.commercial': 1,
    't3.granted.natural_person': 3,
    't3.granted.commercial': 1,
    't3.partially_granted.natural_person': 1,
    't3.unable_no_info.natural_person': 1,
    't3.carried_forward.natural_person': 1,
    't4.review.maintained': 1,
  };
  const text = (zh: string, en: string) => ({ zh: `（演示数据）${zh}`, en: `(Demo data) ${en}` });
  return {
    format: '2019',
    year: 2019,
    organisation: { zh: DEMO_TOWN.nameZh, en: DEMO_TOWN.nameEn },
    narrative: {
      's1.body': text(
        '本年度，演示镇主动公开政府信息 120 条，新收政府信息公开申请 7 件，均在法定期限内答复。',
        'This year the town published 120 items of government information and received 7 requests, all answered in time.',
      ),
      's5.body': text(
        '信息公开的及时性有待提高；下一步将加强业务培训。',
        'Information should be published sooner; staff training will be strengthened.',
      ),
      's6.body': text('无其他需要报告的事项。', 'No other matters to report.'),
    },
    cells,
  };
}

/** The demo accounts and their passwords. They are for trying the app: change or delete them in real use. */
const DEMO_USERS: {
  login: string;
  password: string;
  displayName: string;
  role: Role;
  at: 'parent' | 'tiantan';
}[] = [
  {
    login: 'tiantan',
    password: 'tiantan-demo',
    displayName: '天坛街道 填报人',
    role: 'filler',
    at: 'tiantan',
  },
  {
    login: 'reviewer',
    password: 'reviewer-demo',
    displayName: '示范区 审核人',
    role: 'reviewer',
    at: 'parent',
  },
  { login: 'admin', password: 'admin-demo', displayName: '示范区 管理员', role: 'admin', at: 'parent' },
];

export interface DemoLogin {
  login: string;
  password: string;
  role: Role;
  organisation: string;
}

/** Seeds the demo; refuses when 天坛街道办事处 already exists (run it on a new database). */
export async function seedDemo(db: Db): Promise<DemoLogin[]> {
  const existing = await listOrganisations(db);
  if (existing.some((o) => o.name_zh === DEMO_ORGANISATION.nameZh)) {
    throw new Error(
      `${DEMO_ORGANISATION.nameZh} already exists in this database: the demo is seeded already`,
    );
  }
  const parent = await createOrganisation(db, DEMO_PARENT);
  const tiantan = await createOrganisation(db, { ...DEMO_ORGANISATION, parentId: parent.id });
  const town = await createOrganisation(db, { ...DEMO_TOWN, parentId: parent.id });
  const users: Record<string, number> = {};
  const logins: DemoLogin[] = [];
  for (const u of DEMO_USERS) {
    const org = u.at === 'parent' ? parent : tiantan;
    const row = await createUser(db, { ...u, organisationId: org.id });
    users[u.role] = row.id;
    logins.push({ login: u.login, password: u.password, role: u.role, organisation: org.name_zh });
  }
  const filler = users.filler!;
  const reviewer = users.reviewer!;

  const data2019 = exampleJson('tiantan-2019');
  const r2019 = await createReport(db, {
    organisationId: tiantan.id,
    year: 2019,
    userId: filler,
    initial: data2019,
  });
  const submittedAt = '2020-01-20T02:00:00.000Z';
  await changeStatus(db, {
    id: r2019.id,
    version: r2019.version,
    from: ['draft'],
    to: 'approved',
    set: {
      submitted_by: filler,
      submitted_at: submittedAt,
      approved_by: reviewer,
      approved_at: '2020-01-22T02:00:00.000Z',
    },
  });
  await audit(db, { action: 'report.submit', userId: filler, reportId: r2019.id, detail: { seeded: true } });
  await audit(db, {
    action: 'report.approve',
    userId: reviewer,
    reportId: r2019.id,
    detail: { seeded: true },
  });

  await createReport(db, { organisationId: tiantan.id, year: 2021, userId: filler });

  const town2019 = await createReport(db, {
    organisationId: town.id,
    year: 2019,
    userId: null,
    initial: demoTown2019(),
  });
  await changeStatus(db, {
    id: town2019.id,
    version: town2019.version,
    from: ['draft'],
    to: 'approved',
    set: { submitted_at: submittedAt, approved_by: reviewer, approved_at: '2020-01-23T02:00:00.000Z' },
  });
  return logins;
}

/** The demo accounts that still have their demo password (printed at start-up so they can be used). */
export async function demoLogins(db: Db): Promise<DemoLogin[]> {
  const out: DemoLogin[] = [];
  const orgs = new Map((await listOrganisations(db)).map((o) => [o.id, o.name_zh]));
  for (const u of DEMO_USERS) {
    const row = await findUserByLogin(db, u.login);
    if (row && (await verifyPassword(u.password, row.password_hash))) {
      out.push({
        login: u.login,
        password: u.password,
        role: row.role,
        organisation: orgs.get(row.organisation_id) ?? '',
      });
    }
  }
  return out;
}
