import { Migrator, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  changeStatus,
  createOrganisation,
  createSession,
  createUser,
  type Db,
  findSession,
  getOrganisation,
  getReport,
  getReportSummaryWithPrevious,
  getRevision,
  hashPassword,
  insertReport,
  integrityCheck,
  isEmpty,
  listRevisions,
  migrateToLatest,
  migrations,
  openDatabase,
  postgresDialect,
  saveReportData,
  subtreeIds,
  updateOrganisation,
  verifyPassword,
} from './index.ts';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from './testing/index.ts';

let test: TestDatabase;
let db: Db;
beforeEach(async () => {
  test = await createTestDatabase();
  db = await test.open();
});
afterEach(async () => {
  await db.destroy();
  await test.drop();
});

async function seed() {
  const parent = await createOrganisation(db, { nameZh: '示范区管委会' });
  const org = await createOrganisation(db, {
    nameZh: '天坛街道办事处',
    nameEn: 'Tiantan Subdistrict Office',
    parentId: parent.id,
  });
  const user = await createUser(db, {
    login: 'a',
    displayName: 'A',
    password: 'password-a',
    role: 'filler',
    organisationId: org.id,
  });
  return { parent, org, user };
}

describe('migrations', () => {
  it('create every table in an empty database, and run once', async () => {
    const tables = await db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'organisations',
        'rejected_saves',
        'report_revisions',
        'reports',
        'sessions',
        'users',
      ]),
    );
    expect(await migrateToLatest(db as never)).toEqual([]);
    expect(await isEmpty(db)).toBe(true);
    expect(await integrityCheck(db)).toEqual(['ok']);
  });

  it.runIf(testDatabaseKind() === 'sqlite')('open SQLite in WAL mode with foreign keys', async () => {
    expect((await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db)).rows[0]!.journal_mode).toBe(
      'wal',
    );
    expect((await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows[0]!.foreign_keys).toBe(
      1,
    );
  });

  it.runIf(testDatabaseKind() === 'postgres')(
    'prepare the queries built once on each PostgreSQL connection, and only those',
    async () => {
      // One connection, so that its prepared statements are the ones this session lists.
      const one = await openDatabase({ dialect: postgresDialect(test.url!, 1) });
      try {
        const { user } = await seed();
        const { token } = await createSession(one, user.id, 60_000, null);
        expect((await findSession(one, token))!.user.id).toBe(user.id);
        expect((await findSession(one, token))!.user.id).toBe(user.id);
        const prepared = await sql<{ name: string; statement: string }>`
          select name, statement from pg_prepared_statements`.execute(one);
        const session = prepared.rows.filter((r) => r.statement.includes('from "sessions"'));
        expect(session).toHaveLength(1);
        expect(session[0]!.name).toMatch(/^nianbao_\d+$/);
        // The session's insert is built anew each time: it runs unnamed.
        expect(prepared.rows.some((r) => r.statement.startsWith('insert into "sessions"'))).toBe(false);
        // Another process migrates (a rolling restart): the prepared `users.*` no longer fits, and
        // the query runs unnamed instead of failing.
        await sql`alter table users add column nickname text`.execute(db);
        expect((await findSession(one, token))!.user).toMatchObject({ id: user.id, nickname: null });
        expect((await findSession(one, token))!.user.id).toBe(user.id);
      } finally {
        await one.destroy();
      }
    },
  );

  it.runIf(testDatabaseKind() === 'postgres')(
    "compress the reports' data with lz4 on PostgreSQL",
    async () => {
      const { org, user } = await seed();
      const data = JSON.stringify({ cells: Array.from({ length: 2000 }, (_, i) => `第${i}项`) });
      const row = await insertReport(db, {
        organisationId: org.id,
        year: 2021,
        format: '2021',
        data,
        errors: 0,
        warnings: 0,
        userId: user.id,
      });
      await saveReportData(db, {
        id: row.id,
        baseVersion: 1,
        data,
        errors: 0,
        warnings: 0,
        userId: user.id,
        reason: 'save',
      });
      const stored = await sql<{ report: string; revision: string }>`
      select pg_column_compression(r.data) as report, pg_column_compression(v.data) as revision
      from reports r join report_revisions v on v.report_id = r.id and v.version = 2`.execute(db);
      expect(stored.rows).toEqual([{ report: 'lz4', revision: 'lz4' }]);
    },
  );

  it('run once when several server processes open a new database at the same time', async () => {
    const fresh = await createTestDatabase();
    try {
      const all = await Promise.all([fresh.open(), fresh.open(), fresh.open(), fresh.open()]);
      const ran = await sql<{ name: string }>`select name from kysely_migration`.execute(all[0]!);
      expect(ran.rows.map((r) => r.name)).toEqual(Object.keys(migrations));
      for (const other of all) await other.destroy();
    } finally {
      await fresh.drop();
    }
  });

  it('fill the 拼音 initials of the organisations already there, and keep them in step with the name', async () => {
    const fresh = await createTestDatabase();
    const old = await fresh.open({ migrate: false });
    try {
      const before = Object.keys(migrations).filter((name) => name < '0007');
      const migrator = new Migrator({ db: old, provider: { getMigrations: async () => migrations } });
      const { error } = await migrator.migrateTo(before.at(-1)!);
      expect(error).toBeUndefined();
      for (const name of ['洪泽区人民政府', '重庆市人民政府', '长沙市教育局'])
        await sql`insert into organisations (name_zh, created_at) values (${name}, '2021-01-01T00:00:00.000Z')`.execute(
          old,
        );
      expect((await migrateToLatest(old as never))[0]).toBe('0007_organisation_initials');
      const rows = await old
        .selectFrom('organisations')
        .select(['name_zh', 'name_initials'])
        .orderBy('id')
        .execute();
      // Polyphones read in context: 重庆 chongqing, 长沙 changsha.
      expect(rows.map((r) => r.name_initials)).toEqual(['hzqrmzf', 'cqsrmzf', 'cssjyj']);
    } finally {
      await old.destroy();
      await fresh.drop();
    }
    const org = await createOrganisation(db, { nameZh: '盱眙县人民政府' });
    expect(org.name_initials).toBe('xyxrmzf');
    expect((await updateOrganisation(db, org.id, { nameZh: '淮安市洪泽区人民政府' }))!.name_initials).toBe(
      'hashzqrmzf',
    );
    expect((await updateOrganisation(db, org.id, { deadline: '02-01' }))!.name_initials).toBe('hashzqrmzf');
  });

  it('enforce the references and the one-report-per-organisation-and-year rule', async () => {
    const { org, user } = await seed();
    await expect(
      createUser(db, {
        login: 'b',
        displayName: 'B',
        password: 'password-b',
        role: 'filler',
        organisationId: 999,
      }),
    ).rejects.toThrow();
    const report = {
      organisationId: org.id,
      year: 2021,
      format: '2021',
      data: '{}',
      errors: 0,
      warnings: 0,
      userId: user.id,
    };
    await insertReport(db, report);
    await expect(insertReport(db, report)).rejects.toThrow(/UNIQUE|unique constraint/);
    await expect(
      createUser(db, {
        login: 'a',
        displayName: 'A2',
        password: 'password-a',
        role: 'admin',
        organisationId: org.id,
      }),
    ).rejects.toThrow(/UNIQUE|unique constraint/);
  });
});

describe('saving report data', () => {
  it('applies a save only on the version it was based on, and keeps every version', async () => {
    const { org, user } = await seed();
    const row = await insertReport(db, {
      organisationId: org.id,
      year: 2021,
      format: '2021',
      data: '"v1"',
      errors: 0,
      warnings: 0,
      userId: user.id,
    });
    const base = { id: row.id, errors: 0, warnings: 0, userId: user.id, reason: 'save' };
    const first = await saveReportData(db, { ...base, baseVersion: 1, data: '"v2"' });
    expect(first).toMatchObject({ ok: true, report: { version: 2, status: 'draft' } });
    expect((await getReport(db, row.id))!.data).toBe('"v2"');
    const stale = await saveReportData(db, { ...base, baseVersion: 1, data: '"lost?"' });
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { version: 2, data: '"v2"' } });
    expect((await listRevisions(db, row.id)).map((r) => r.version)).toEqual([2, 1]);
    expect((await getRevision(db, row.id, 1))!.data).toBe('"v1"');
    // The revision is the save's own: its data, author, time and reason.
    expect(await getRevision(db, row.id, 2)).toMatchObject({
      data: '"v2"',
      saved_by: user.id,
      saved_at: first.ok ? first.report.updated_at : 'unsaved',
      reason: 'save',
    });

    const submitted = await changeStatus(db, { id: row.id, version: 2, from: ['draft'], to: 'submitted' });
    expect(submitted.ok).toBe(true);
    expect(await saveReportData(db, { ...base, baseVersion: 2, data: '"v3"' })).toMatchObject({
      ok: false,
      reason: 'status',
    });
    expect(
      await changeStatus(db, { id: row.id, version: 1, from: ['submitted'], to: 'approved' }),
    ).toMatchObject({ ok: false });
    expect(await saveReportData(db, { ...base, id: 999, baseVersion: 1, data: '"x"' })).toMatchObject({
      ok: false,
      reason: 'missing',
    });
  });
});

describe("a report with last year's", () => {
  it("reads the summary and the same organisation's report of the year before in one query", async () => {
    const { parent, org, user } = await seed();
    const report = (organisationId: number, year: number) =>
      insertReport(db, {
        organisationId,
        year,
        format: '2021',
        data: '{}',
        errors: 0,
        warnings: 0,
        userId: user.id,
      });
    const last = await report(org.id, 2021);
    const now = await report(org.id, 2022);
    const parents = await report(parent.id, 2022);
    const other = await report(parent.id, 2023);
    const found = await getReportSummaryWithPrevious(db, now.id);
    expect(found!.report).toMatchObject({ id: now.id, year: 2022, organisation_id: org.id, version: 1 });
    expect(found!.report).not.toHaveProperty('data');
    expect(found!.previous).toEqual({ id: last.id, version: 1, status: 'draft' });
    expect((await getReportSummaryWithPrevious(db, last.id))!.previous).toBeUndefined();
    expect((await getReportSummaryWithPrevious(db, other.id))!.previous).toEqual({
      id: parents.id,
      version: 1,
      status: 'draft',
    });
    expect(await getReportSummaryWithPrevious(db, 9999)).toBeUndefined();
  });
});

describe('organisations, users, sessions', () => {
  it('finds an organisation and every organisation below it', async () => {
    const { parent, org } = await seed();
    const leaf = await createOrganisation(db, { nameZh: '社区', parentId: org.id });
    const other = await createOrganisation(db, { nameZh: '别处' });
    expect((await subtreeIds(db, parent.id)).sort()).toEqual([parent.id, org.id, leaf.id].sort());
    expect(await subtreeIds(db, leaf.id)).toEqual([leaf.id]);
    expect(await subtreeIds(db, other.id)).toEqual([other.id]);
  });

  it("keeps an organisation's contact details for the opening statement, each set or cleared alone", async () => {
    const org = await createOrganisation(db, { nameZh: '某局', address: '人民路1号', postcode: '123456' });
    expect(org).toMatchObject({ address: '人民路1号', postcode: '123456', phone: null, email: null });
    const changed = await updateOrganisation(db, org.id, { phone: '0123-4567890', address: null });
    expect(changed).toMatchObject({ address: null, postcode: '123456', phone: '0123-4567890', email: null });
  });

  it('hashes passwords with scrypt and a salt', async () => {
    const a = await hashPassword('天坛-密码-123');
    const b = await hashPassword('天坛-密码-123');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('天坛-密码-123', a)).toBe(true);
    expect(await verifyPassword('天坛-密码-124', a)).toBe(false);
    expect(await verifyPassword('x', 'not a hash')).toBe(false);
  });

  it('stores only a hash of the session token and ends sessions when they expire', async () => {
    const { user } = await seed();
    const live = await createSession(db, user.id, 60_000, '127.0.0.1');
    const dead = await createSession(db, user.id, -1, '127.0.0.1');
    expect((await findSession(db, live.token))!.user.id).toBe(user.id);
    // The organisation comes with the user, every column as stored.
    expect((await findSession(db, live.token))!.organisation).toEqual(
      await getOrganisation(db, user.organisation_id),
    );
    expect(await findSession(db, dead.token)).toBeUndefined();
    const stored = await db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(live.token);
  });
});
