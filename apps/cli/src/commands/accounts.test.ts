import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findUserByLogin,
  listOrganisations,
  loginFailures,
  openDatabase,
  recordLoginFailure,
  verifyPassword,
} from '@nianbao/db';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as org } from './org.ts';
import { run as seedDemo } from './seedDemo.ts';
import { run as user } from './user.ts';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
const db = join(dir, 'nianbao.sqlite');
let out: string[] = [];
let err: string[] = [];

beforeAll(() => {
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});
const reset = () => {
  out = [];
  err = [];
};

// scrypt hashing on a shared machine: more time than vitest's default 5 s.
const SLOW = 30_000;

describe('nianbao seed-demo, org, user', () => {
  it(
    'seeds the demo once and prints its logins',
    async () => {
      reset();
      expect(await seedDemo(['--db', db])).toBe(0);
      expect(out.join('\n')).toMatch(/tiantan\s+tiantan-demo\s+filler\s+天坛街道办事处/);
      expect(out.join('\n')).toMatch(/reviewer\s+reviewer-demo\s+reviewer\s+济源产城融合示范区管理委员会/);
      reset();
      expect(await seedDemo(['--db', db])).toBe(1);
      expect(err.join('\n')).toContain('already');
    },
    SLOW,
  );

  it(
    'adds an organisation under a parent and lists the tree',
    async () => {
      reset();
      expect(
        await org([
          'add',
          '--name',
          '示范区某镇人民政府',
          '--name-en',
          'A Town',
          '--parent',
          '1',
          '--deadline',
          '01-25',
          '--db',
          db,
        ]),
      ).toBe(0);
      expect(out[0]).toContain('示范区某镇人民政府');
      reset();
      expect(await org(['add', '--name', '某局', '--parent', '99', '--db', db])).toBe(2);
      expect(await org(['add', '--name', '某局', '--deadline', '1/31', '--db', db])).toBe(2);
      expect(await org(['add', '--db', db])).toBe(2);
      reset();
      expect(await org(['list', '--db', db])).toBe(0);
      expect(out.join('\n')).toMatch(/4\s+示范区某镇人民政府 {2}\(A Town · deadline 01-25\)/);
    },
    SLOW,
  );

  it(
    'adds a user with a generated password that works, refuses bad input, resets the password',
    async () => {
      reset();
      expect(
        await user([
          'add',
          '--login',
          'zhen',
          '--org',
          '4',
          '--role',
          'filler',
          '--name',
          '某镇 填报人',
          '--db',
          db,
        ]),
      ).toBe(0);
      const password = out.join('\n').match(/password: (\S+)/)![1]!;
      const database = await openDatabase({ file: db });
      try {
        const row = (await findUserByLogin(database, 'zhen'))!;
        expect(row).toMatchObject({ role: 'filler', organisation_id: 4, display_name: '某镇 填报人' });
        expect(await verifyPassword(password, row.password_hash)).toBe(true);
        expect((await listOrganisations(database)).length).toBe(4);
      } finally {
        await database.destroy();
      }
      reset();
      expect(await user(['add', '--login', 'zhen', '--org', '4', '--role', 'filler', '--db', db])).toBe(1);
      expect(await user(['add', '--login', 'x2', '--org', '4', '--role', 'boss', '--db', db])).toBe(2);
      expect(await user(['add', '--login', 'x3', '--org', '42', '--role', 'filler', '--db', db])).toBe(2);
      expect(
        await user([
          'add',
          '--login',
          'x4',
          '--org',
          '4',
          '--role',
          'filler',
          '--password',
          'short',
          '--db',
          db,
        ]),
      ).toBe(2);
      expect(await user(['add', '--login', 'x5', '--bogus', '--db', db])).toBe(2);
      reset();
      expect(
        await user(['reset-password', '--login', 'zhen', '--password', 'a-new-password', '--db', db]),
      ).toBe(0);
      const database2 = await openDatabase({ file: db });
      try {
        expect(
          await verifyPassword('a-new-password', (await findUserByLogin(database2, 'zhen'))!.password_hash),
        ).toBe(true);
      } finally {
        await database2.destroy();
      }
      // Wrong passwords slow an account down; an administrator at the console clears them.
      const now = new Date().toISOString();
      const since = new Date(Date.now() - 3_600_000).toISOString();
      const attempt = { account: 'zhen', address: '203.0.113.9' };
      const database3 = await openDatabase({ file: db });
      try {
        for (let i = 0; i < 5; i++) await recordLoginFailure(database3, attempt, now, since);
        expect((await loginFailures(database3, attempt, since)).account?.failures).toBe(5);
        reset();
        expect(await user(['unlock', '--login', 'zhen', '--db', db])).toBe(0);
        expect(out.join('\n')).toContain('5 failed sign-ins cleared');
        const after = await loginFailures(database3, attempt, since);
        expect([after.pair, after.account]).toEqual([undefined, undefined]);
        reset();
        expect(await user(['unlock', '--login', 'nobody', '--db', db])).toBe(1);
        expect(err.join('\n')).toContain('用户不存在');
      } finally {
        await database3.destroy();
      }
      reset();
      expect(await user(['list', '--db', db])).toBe(0);
      expect(out.join('\n')).toContain('zhen');
    },
    SLOW,
  );
});
