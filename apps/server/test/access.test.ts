import { createUser } from '@nianbao/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, example, failure, otherOrganisation, type TestServer, testServer } from './helpers.ts';

let server: TestServer;
let filler: Client;
let reviewer: Client;
let town: Client;
let townOrg: number;

/** A complete 2021 report for Tiantan (the demo-county figures under Tiantan's name). */
function complete2021(organisation = { zh: '天坛街道办事处', en: 'Tiantan Subdistrict Office' }) {
  return { ...example('demo-county-2021'), organisation };
}

beforeAll(async () => {
  server = await testServer();
  const other = await otherOrganisation(server);
  townOrg = other.orgId;
  filler = new Client(server.url);
  await filler.login('tiantan', 'tiantan-demo');
  reviewer = new Client(server.url);
  await reviewer.login('reviewer', 'reviewer-demo');
  town = new Client(server.url);
  await town.login(other.login, other.password);
});
afterAll(() => server.stop());

async function draft2021(): Promise<{ id: number; version: number }> {
  const list = (await filler.call('query', 'reports.list', { year: 2021 })).rows;
  return { id: list[0].id, version: list[0].version };
}

describe('organisations', () => {
  it("denies another organisation's report to a filler, for reading, writing and downloading", async () => {
    const { id, version } = await draft2021();
    expect((await town.call('query', 'reports.list')).rows).toEqual([]);
    for (const [kind, path, input] of [
      ['query', 'reports.get', { id }],
      ['query', 'reports.revisions', { id }],
      ['query', 'reports.events', { id }],
      ['query', 'reports.rejectedSaves', { id }],
      ['query', 'reports.revision', { id, version }],
      ['mutation', 'reports.save', { id, baseVersion: version, data: complete2021() }],
      ['mutation', 'reports.check', { id }],
      ['mutation', 'reports.submit', { id, version }],
      ['mutation', 'reports.restore', { id, version, baseVersion: version }],
      ['mutation', 'reports.reopen', { id, version }],
    ] as const) {
      const error = await failure(town.call(kind, path, input));
      expect(error.code, path).toBe('NOT_FOUND');
    }
    expect(
      (await failure(town.call('mutation', 'reports.create', { organisationId: 2, year: 2022 }))).code,
    ).toBe('FORBIDDEN');
    expect((await town.request(`/reports/${id}.pdf`)).status).toBe(404);
    expect((await town.request(`/reports/${id}.docx`)).status).toBe(404);
    expect(await filler.call('query', 'reports.get', { id })).toMatchObject({ id, version });
  });

  it('lets a reviewer of the parent organisation see the subordinate organisations’ reports', async () => {
    const created = await town.call('mutation', 'reports.create', { year: 2021 });
    const list = (await reviewer.call('query', 'reports.list', { year: 2021 })).rows;
    expect(list.map((r: { organisation: { id: number } }) => r.organisation.id).sort()).toEqual([2, townOrg]);
    expect((await reviewer.call('query', 'reports.get', { id: created.id })).organisation.id).toBe(townOrg);
    expect(
      (await filler.call('query', 'reports.list')).rows.every(
        (r: { organisation: { id: number } }) => r.organisation.id === 2,
      ),
    ).toBe(true);
  });

  it('keeps one report per organisation and year', async () => {
    const error = await failure(filler.call('mutation', 'reports.create', { year: 2021 }));
    expect(error.code).toBe('CONFLICT');
    // Due by the statutory 31 January of the following year unless the organisation sets a deadline.
    expect((await filler.call('query', 'reports.list', { year: 2021 })).rows[0].dueDate).toBe('2022-01-31');
  });

  it('keeps organisation and user administration to administrators', async () => {
    expect(
      (await failure(filler.call('mutation', 'orgs.create', { nameZh: '新机关', parentId: 1 }))).code,
    ).toBe('FORBIDDEN');
    expect((await failure(reviewer.call('query', 'users.list'))).code).toBe('FORBIDDEN');
    const admin = new Client(server.url);
    await admin.login('admin', 'admin-demo');
    const org = await admin.call('mutation', 'orgs.create', {
      nameZh: '示范区某局',
      parentId: 1,
      deadline: '01-31',
    });
    const { user, password } = await admin.call('mutation', 'users.create', {
      login: 'ju',
      displayName: '某局 填报人',
      role: 'filler',
      organisationId: org.id,
    });
    expect(password).toMatch(/^\S{16}$/);
    const newcomer = new Client(server.url);
    await newcomer.login('ju', password);
    await admin.call('mutation', 'users.setRole', { id: user.id, role: 'reviewer' });
    expect((await newcomer.call('query', 'auth.me')).role).toBe('reviewer');
    const reset = await admin.call('mutation', 'users.resetPassword', { id: user.id });
    // A reset ends the user's sessions.
    expect(await newcomer.call('query', 'auth.me')).toBeNull();
    await newcomer.login('ju', reset.password);
    expect((await failure(admin.call('mutation', 'users.setRole', { id: 3, role: 'filler' }))).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe("an organisation's contact details", () => {
  it('are set, cleared and validated field by field by an administrator, and read by its staff', async () => {
    const admin = new Client(server.url);
    await admin.login('admin', 'admin-demo');
    const org = await admin.call('mutation', 'orgs.create', {
      nameZh: '示范区某中心',
      parentId: 1,
      postcode: '４５９０００',
      phone: '0391-6633333、0391-6633334',
    });
    expect(org.contact).toEqual({
      address: null,
      postcode: '459000',
      phone: '0391-6633333、0391-6633334',
      email: null,
    });
    const updated = await admin.call('mutation', 'orgs.update', {
      id: org.id,
      address: '济源市天坛路1号',
      email: 'gk@example.gov.cn',
      phone: '',
    });
    expect(updated.contact).toEqual({
      address: '济源市天坛路1号',
      postcode: '459000',
      phone: null,
      email: 'gk@example.gov.cn',
    });
    for (const [field, value, zh] of [
      ['postcode', '45900', '邮政编码（postcode）'],
      ['phone', '请致电办公室', '联系电话（phone）'],
      ['email', 'gk@', '电子邮箱（email）'],
      ['address', 'x'.repeat(201), 'address'],
    ] as const) {
      const error = await failure(admin.call('mutation', 'orgs.update', { id: org.id, [field]: value }));
      expect(error.status, field).toBe(400);
      const issues = error.data.issues as { path: string[]; message: { zh: string; en: string } }[];
      expect(issues[0]!.path, field).toEqual([field]);
      expect(`${issues[0]!.message.zh} ${issues[0]!.message.en}`, field).toContain(zh);
    }
    expect((await failure(filler.call('mutation', 'orgs.update', { id: 1, phone: '123456' }))).code).toBe(
      'FORBIDDEN',
    );
    const own = (await filler.call('query', 'orgs.list'))[0];
    expect(own.contact).toHaveProperty('address');
  });
});

describe('keeping the contact details (orgs.setContact)', () => {
  it("is for an administrator and the body's own reviewer; the others read them", async () => {
    const admin = new Client(server.url);
    await admin.login('admin', 'admin-demo');
    // The demo reviewer belongs to the parent body (1); Tiantan (2) is below it.
    const own = await reviewer.call('mutation', 'orgs.setContact', { id: 1, phone: '０３９１-1234567' });
    expect(own.contact.phone).toBe('0391-1234567');
    expect((await reviewer.call('query', 'orgs.get', { id: 1 })).canEditContact).toBe(true);
    expect((await reviewer.call('query', 'orgs.get', { id: 2 })).canEditContact).toBe(false);
    expect((await filler.call('query', 'orgs.get', { id: 2 })).canEditContact).toBe(false);
    expect((await admin.call('query', 'orgs.get', { id: 2 })).canEditContact).toBe(true);
    for (const [client, id, code] of [
      [reviewer, 2, 'FORBIDDEN'],
      [filler, 2, 'FORBIDDEN'],
      [town, 2, 'NOT_FOUND'],
    ] as const) {
      const error = await failure(client.call('mutation', 'orgs.setContact', { id, address: '某路1号' }));
      expect(error.code).toBe(code);
      expect(error.text.zh).toBeTruthy();
      expect(error.text.en).toBeTruthy();
    }
    expect(
      (await failure(reviewer.call('mutation', 'orgs.setContact', { id: 2, address: 'x' }))).text.zh,
    ).toBe('只有本机关的审核人或管理员可以修改机关联系信息');
    const set = await admin.call('mutation', 'orgs.setContact', {
      id: 2,
      address: '济源市天坛路1号',
      email: '',
    });
    expect(set.contact).toMatchObject({ address: '济源市天坛路1号', email: null });
    // The name and deadline are not the contact keeper's to change.
    const extra = await failure(reviewer.call('mutation', 'orgs.setContact', { id: 1, nameZh: '改名' }));
    expect(extra.status).toBe(400);
    const bad = await failure(reviewer.call('mutation', 'orgs.setContact', { id: 1, postcode: '4590' }));
    expect(bad.status).toBe(400);
    expect((bad.data.issues as { path: string[] }[])[0]!.path).toEqual(['postcode']);
    expect(bad.text.zh).toContain('邮政编码（postcode）');
    expect(bad.text.en).toContain('postcode must be 6 digits');
  });
});

describe('review', () => {
  it('refuses to submit while errors remain, and says which', async () => {
    const { id, version } = await draft2021();
    const error = await failure(filler.call('mutation', 'reports.submit', { id, version }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect((error.data.findings as { rule: string }[]).some((f) => f.rule === 'N-REQ')).toBe(true);
  });

  it('runs draft → submitted → returned → submitted → approved → reopened; a filler cannot approve', async () => {
    const { id, version } = await draft2021();
    const saved = await filler.call('mutation', 'reports.save', {
      id,
      baseVersion: version,
      data: complete2021(),
    });
    expect(saved.errors).toBe(0);
    const submitted = await filler.call('mutation', 'reports.submit', { id, version: saved.version });
    expect(submitted.status).toBe('submitted');
    // Submitted reports are frozen.
    const frozen = await failure(
      filler.call('mutation', 'reports.save', { id, baseVersion: saved.version, data: complete2021() }),
    );
    expect(frozen.code).toBe('PRECONDITION_FAILED');
    expect(
      (await failure(filler.call('mutation', 'reports.approve', { id, version: saved.version }))).code,
    ).toBe('FORBIDDEN');

    const returned = await reviewer.call('mutation', 'reports.return', {
      id,
      version: saved.version,
      comment: '请核对第三部分',
    });
    expect(returned).toMatchObject({ status: 'draft', returned: { comment: '请核对第三部分' } });
    await filler.call('mutation', 'reports.submit', { id, version: saved.version });
    const approved = await reviewer.call('mutation', 'reports.approve', { id, version: saved.version });
    expect(approved).toMatchObject({
      status: 'approved',
      approvedBy: { displayName: '示范区 审核人' },
      returned: null,
    });
    expect(
      (await failure(filler.call('mutation', 'reports.reopen', { id, version: saved.version }))).code,
    ).toBe('FORBIDDEN');
    const reopen = { id, version: saved.version, reason: '第三部分数字有误，请更正' };
    expect((await reviewer.call('mutation', 'reports.reopen', reopen)).status).toBe('draft');
  });

  it('lets nobody approve their own submission', async () => {
    // A reviewer who also fills in their organisation's report.
    await createUser(server.db, {
      login: 'ttreview',
      displayName: '天坛 审核人',
      password: 'tt-review-pw',
      role: 'reviewer',
      organisationId: 2,
    });
    const self = new Client(server.url);
    await self.login('ttreview', 'tt-review-pw');
    const { id, version } = await draft2021();
    await self.call('mutation', 'reports.submit', { id, version });
    const own = await failure(self.call('mutation', 'reports.approve', { id, version }));
    expect(own.code).toBe('FORBIDDEN');
    expect(own.message).toContain('自己提交');
    expect((await self.call('query', 'reports.get', { id })).permissions.canApprove).toBe(false);
    expect((await reviewer.call('mutation', 'reports.approve', { id, version })).status).toBe('approved');
  });

  it('pre-fills a new year from last year: 上年结转 and 现行有效件数', async () => {
    const { id } = await draft2021();
    const last = await filler.call('query', 'reports.get', { id });
    const next = await filler.call('mutation', 'reports.create', { year: 2022 });
    expect(next.format).toBe('2021');
    const columns = Object.keys(last.data.cells).filter((c: string) => c.startsWith('t3.carried_forward.'));
    expect(columns.length).toBeGreaterThan(0);
    for (const c of columns)
      expect(next.data.cells[c.replace('carried_forward', 'carried_over')]).toBe(last.data.cells[c] ?? 0);
    const stock = Object.keys(last.data.cells).filter(
      (c: string) => c.startsWith('t2.') && c.endsWith('.in_force'),
    );
    expect(stock).toHaveLength(2);
    for (const c of stock) expect(next.data.cells[c]).toBe(last.data.cells[c] ?? 0);
    expect(next.previousYear).toEqual({ id, version: last.version, status: last.status });
  });
});
