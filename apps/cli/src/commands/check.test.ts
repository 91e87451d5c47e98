import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { examplePath } from '@nianbao/examples';
import type { ReportData } from '@nianbao/schema';
import { afterEach, expect, it, vi } from 'vitest';
import { run } from './check.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../../packages/import/test/fixtures/${name}`, import.meta.url));

afterEach(() => vi.restoreAllMocks());

function capture(): () => string {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    out.push(parts.join(' '));
  });
  return () => out.join('\n');
}

it('prints the findings of a published report in Chinese and fails on errors', async () => {
  const output = capture();
  expect(await run([fixture('huaian-hongze-district-govt-2024.txt')])).toBe(1);
  expect(output()).toMatch(/错误 X-FMT/);
  expect(output()).toMatch(/错误 X-LABEL \(第 109 行\)/);
  // Its text says 受理…申请 17 件 where table 三 has 95 new requests.
  expect(output()).toMatch(/警告 X-TEXT \(第 97 行\): 叙述「受理政府信息公开申请 17 件」/);
  expect(output()).toMatch(/共 2 个错误，1 个警告/);
});

async function changedDemo(change: (demo: ReportData) => void): Promise<string> {
  const demo = JSON.parse(await readFile(examplePath('demo-county-2021'), 'utf8')) as ReportData;
  change(demo);
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-check-'));
  const file = join(dir, `${demo.year}.report.json`);
  await writeFile(file, JSON.stringify(demo));
  return file;
}

it('prints a narrative figure that disagrees with its sentence range, and --json carries the range', async () => {
  const file = await changedDemo((d) => {
    d.narrative['s1.on_request']!.zh = d.narrative['s1.on_request']!.zh.replace(
      '予以公开20件',
      '予以公开二十二件',
    );
  });
  let output = capture();
  expect(await run([file])).toBe(1);
  expect(output()).toMatch(
    /错误 X-TEXT \(叙述 s1.on_request 第 25–90 字\): 叙述「予以公开二十二件」与表格不一致/,
  );
  vi.restoreAllMocks();
  output = capture();
  await run(['--json', file]);
  const [finding] = JSON.parse(output())[0].findings;
  expect(finding).toMatchObject({
    rule: 'X-TEXT',
    cells: ['t3.granted.total'],
    range: { block: 's1.on_request', lang: 'zh', start: 24, end: 90 },
    span: { block: 's1.on_request', lang: 'zh', start: 37, end: 41 },
  });
});

it('compares with last year with --previous: Y-JUMP and Y-COPY', async () => {
  const next = await changedDemo((d) => {
    d.year = 2022;
    d.cells['t2.licensing.decisions'] = 7000;
    const active = d.narrative['s1.active']!;
    d.narrative['s1.active'] = {
      zh: active.zh.replace('1256件', '7000件'),
      en: active.en!.replace('1,256', '7,000'),
    };
  });
  const output = capture();
  expect(await run(['--json', '--previous', examplePath('demo-county-2021'), next])).toBe(0);
  const findings = JSON.parse(output())[0].findings as {
    rule: string;
    cells: string[];
    range?: { block: string };
  }[];
  expect(findings.filter((f) => f.rule === 'Y-JUMP').map((f) => f.cells)).toEqual([
    ['t2.licensing.decisions'],
  ]);
  // The demo's text against itself: every block long enough to judge is a copy.
  expect(findings.filter((f) => f.rule === 'Y-COPY').map((f) => f.range?.block)).toContain('s1.on_request');
});

it('gives machine-readable findings with --json, in English with --lang en, and passes clean reports', async () => {
  const output = capture();
  expect(
    await run(['--json', '--lang', 'en', fixture('tiantan-2019.txt'), examplePath('demo-county-2021')]),
  ).toBe(0);
  const checks = JSON.parse(output());
  expect(
    checks.map((c: { organisation: string; findings: unknown[] }) => [c.organisation, c.findings.length]),
  ).toEqual([
    ['天坛街道办事处', 0],
    ['青山县自然资源局', 0],
  ]);
});

it('says a file cannot be read instead of failing silently', async () => {
  const output = capture();
  expect(await run([fixture('no-such-report.txt')])).toBe(1);
  expect(output()).toMatch(/无法读取/);
});

it('rejects wrong usage with exit code 2', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  expect(await run([])).toBe(2);
  expect(await run(['--lang', 'fr', 'x.txt'])).toBe(2);
});
