import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it, vi } from 'vitest';
import { run } from './import.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../../packages/import/test/fixtures/${name}`, import.meta.url));

afterEach(() => vi.restoreAllMocks());

it('writes the report JSON and says on standard error what the layout shows and what was not read', async () => {
  const errors: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    errors.push(parts.join(' '));
  });
  const out = join(mkdtempSync(join(tmpdir(), 'nianbao-cli-')), 'report.json');
  expect(
    await run([
      fixture('beijing-haidian-unidentified-unit-undated.txt'),
      '-o',
      out,
      '--year',
      '2022',
      '--lang',
      'en',
    ]),
  ).toBe(0);
  const data = JSON.parse(readFileSync(out, 'utf8'));
  expect(data).toMatchObject({ format: '2021', year: 2022 });
  expect(data.cells['t3.new_received.total']).toBe(83);
  const log = errors.join('\n');
  expect(log).toMatch(/not read \(lines 45–197\): table III: 10 rows could not be read/);
  expect(log).toMatch(/115 cells read/);
});

it('fails with a clear message for a year without a national format', async () => {
  const errors: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    errors.push(parts.join(' '));
  });
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  expect(await run([fixture('tiantan-2019.txt'), '--year', '2015'])).toBe(1);
  expect(errors.join('\n')).toMatch(/2015 年没有全国统一的年度报告格式/);
});
