import type { Db } from '@nianbao/db';
import { createTestDatabase, type TestDatabase } from '@nianbao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appRouter,
  createApiDeps,
  createCallerFactory,
  createContext,
  LoginThrottle,
  readCookie,
  seedDemo,
  signedInCaller,
} from './index.ts';

describe('readCookie', () => {
  it('reads one cookie among others and survives bad encoding', () => {
    expect(readCookie('a=1; nianbao_session=abc; b=2', 'nianbao_session')).toBe('abc');
    expect(readCookie('nianbao_session=%E0%A4%A', 'nianbao_session')).toBeUndefined();
    expect(readCookie(undefined, 'x')).toBeUndefined();
  });
});

describe('the router without HTTP', () => {
  let test: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    test = await createTestDatabase();
    db = await test.open();
    await seedDemo(db);
  });
  afterAll(async () => {
    await db.destroy();
    await test.drop();
  });

  it('does not stop another account at an address that failed often, and audits every failure', async () => {
    const deps = createApiDeps({ db, loginThrottle: { perPair: 100, perAddress: 3 } });
    const caller = async (address: string) =>
      createCallerFactory(appRouter)(
        await createContext(deps, { cookieHeader: null, address, setCookie: () => {} }),
      );
    for (const login of ['x1', 'x2', 'x3']) {
      await expect(
        (await caller('10.0.0.1')).auth.login({ login, password: 'wrong-password' }),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    expect(
      (await (await caller('10.0.0.1')).auth.login({ login: 'tiantan', password: 'tiantan-demo' })).login,
    ).toBe('tiantan');
    const failures = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'login.failed')
      .execute();
    expect(failures).toHaveLength(3);
  });

  it('throttles a pair after its failures, doubling the wait, and an account from addresses it is not known at', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z');
    const throttle = new LoginThrottle(db, { perPair: 2, perAccount: 3, baseDelayMs: 10_000 }, () => now);
    const at = (address: string) => ({ account: 'someone', address });
    await throttle.succeeded(at('home'));
    await throttle.failed(at('home'));
    expect(await throttle.waitSeconds(at('home'))).toBe(0);
    await throttle.failed(at('home'));
    expect(await throttle.waitSeconds(at('home'))).toBe(10);
    now += 10_000;
    expect(await throttle.waitSeconds(at('home'))).toBe(0);
    await throttle.failed(at('home'));
    expect(await throttle.waitSeconds(at('home'))).toBe(20);
    // Three failures of the account: a new address waits, the known one only for its own pair.
    expect(await throttle.waitSeconds(at('elsewhere'))).toBeGreaterThan(0);
    await throttle.succeeded(at('home'));
    expect(await throttle.waitSeconds(at('home'))).toBe(0);
    // The window ends every count.
    now += 16 * 60_000;
    expect(await throttle.waitSeconds(at('elsewhere'))).toBe(0);
  });

  it('seeds the demo: the approved Tiantan 2019 report and a 2021 draft under a parent organisation', async () => {
    const reports = await db
      .selectFrom('reports')
      .select(['year', 'status', 'format', 'errors'])
      .orderBy('year')
      .execute();
    expect(reports).toEqual([
      { year: 2019, status: 'approved', format: '2019', errors: 0 },
      { year: 2019, status: 'approved', format: '2019', errors: 0 },
      expect.objectContaining({ year: 2021, status: 'draft', format: '2021' }),
    ]);
    const orgs = await db
      .selectFrom('organisations')
      .select(['name_zh', 'parent_id'])
      .orderBy('id')
      .execute();
    expect(orgs).toEqual([
      { name_zh: '济源产城融合示范区管理委员会', parent_id: null },
      { name_zh: '天坛街道办事处', parent_id: 1 },
      { name_zh: '示范区演示镇人民政府', parent_id: 1 },
    ]);
    await expect(seedDemo(db)).rejects.toThrow(/already/);
  });

  it("checks a save's carry-over against the latest version of last year's report", async () => {
    const api = await signedInCaller(createApiDeps({ db }), { login: 'tiantan', password: 'tiantan-demo' });
    const {
      rows: [last],
    } = await api.reports.list({ year: 2021 });
    const next = await api.reports.create({ year: 2022 });
    let lastVersion = last!.version;
    let nextVersion = next.version;
    const lastData = (await api.reports.get({ id: last!.id })).data;
    for (const carried of [7, 9]) {
      const saved = await api.reports.save({
        id: last!.id,
        baseVersion: lastVersion,
        data: { ...lastData, cells: { ...lastData.cells, 't3.carried_forward.natural_person': carried } },
      });
      lastVersion = saved.version;
      const checked = await api.reports.save({
        id: next.id,
        baseVersion: nextVersion,
        data: next.data,
      });
      nextVersion = checked.version;
      const carry = checked.findings.find((f) => f.cells[0] === 't3.carried_over.natural_person');
      expect(carry).toMatchObject({ rule: 'X-CARRY', expected: String(carried) });
    }
  });
});
