import { fileURLToPath } from 'node:url';
import { afterEach, expect, it, vi } from 'vitest';
import { run } from './check.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../../packages/import/test/fixtures/${name}`, import.meta.url));
const example = (name: string) => fileURLToPath(new URL(`../../../../examples/${name}`, import.meta.url));

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
  expect(output()).toMatch(/共 2 个错误，0 个警告/);
});

it('gives machine-readable findings with --json, in English with --lang en, and passes clean reports', async () => {
  const output = capture();
  expect(
    await run([
      '--json',
      '--lang',
      'en',
      fixture('tiantan-2019.txt'),
      example('demo-county-2021.report.json'),
    ]),
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
