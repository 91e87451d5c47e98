import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
      '--org',
      '海淀区某单位',
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
  expect(log).toMatch(
    /year 2022 \(command-line option\); body 海淀区某单位 \(command-line option\); format 2021; input text/,
  );
  expect(log).toMatch(/t3: read by labels, confirmed by R3-ROW/);
});

it('stops and asks for --year and --org when the text states neither', async () => {
  const errors: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    errors.push(parts.join(' '));
  });
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  expect(await run([fixture('beijing-haidian-unidentified-unit-undated.txt')])).toBe(2);
  expect(errors.join('\n')).toMatch(/文中没有写明报告年度（--year）和机关名称（--org）/);
});

it('--json prints where year, body and format came from and which rules confirm each table', async () => {
  let printed = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed += String(chunk);
    return true;
  });
  expect(await run([fixture('huaian-hongze-district-govt-2023.txt'), '--json'])).toBe(0);
  const report = JSON.parse(printed);
  expect(report.provenance).toEqual({
    year: { value: 2023, source: 'title', line: 3, text: '洪泽区人民政府2023年政府信息公开工作年度报告' },
    organisation: {
      value: '洪泽区人民政府',
      source: 'title',
      line: 3,
      text: '洪泽区人民政府2023年政府信息公开工作年度报告',
    },
    format: { value: '2021', source: 'year', printed: '2019' },
    form: 'text',
  });
  expect(report.readings).toEqual([
    { table: 't2', method: 'labels', confirmedBy: [], failedRules: [], unconfirmed: [] },
    { table: 't3', method: 'order', confirmedBy: ['R3-BAL', 'R3-ROW'], failedRules: [], unconfirmed: [] },
    { table: 't4', method: 'columns', confirmedBy: ['R4-SUM'], failedRules: ['R4-SUM'], unconfirmed: [] },
  ]);
  expect(report.data.cells['t4.review.maintained']).toBe(10);
  expect(report.findings.map((f: { rule: string }) => f.rule)).toContain('R4-SUM');
  // A 2023 report whose table 三 prints （六）其他处理 as one row (the 2019 layout): the migration offered.
  expect(report.findings.map((f: { rule: string }) => f.rule)).toContain('X-FMT');
  expect(report.migration).toMatchObject({
    from: '2019',
    to: '2021',
    lost: [],
    merged: [{ from: 't3.other_handling', to: 't3.other_misc', name: { zh: '（六）其他处理' } }],
  });
  expect(report.migration.printedCells['t3.other_handling.total']).toBe(
    report.data.cells['t3.other_misc.total'],
  );
});

it('says which figures the migration from the 2019 layout loses (a 2019 report relabelled 2023)', async () => {
  const errors: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    errors.push(parts.join(' '));
  });
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
  const file = join(dir, 'tiantan-2023.txt');
  writeFileSync(file, readFileSync(fixture('tiantan-2019.txt'), 'utf8').replace(/2019(\s*)年/g, '2023$1年'));
  expect(await run([file, '-o', join(dir, 'report.json')])).toBe(0);
  const log = errors.join('\n');
  expect(log).toMatch(/错误 X-FMT .*2023年度报告须使用2021年版格式/);
  expect(log).toMatch(
    /迁移：表格按 2019 版式印制，数据按 2021 版格式导入（「（六）其他处理」并入「3.其他」）；迁移丢失 2 个数字：/,
  );
  expect(log).toMatch(/政府集中采购.*采购项目数量 = 21 \(第 86 行\)/);
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
