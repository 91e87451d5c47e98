import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examplePath } from '@nianbao/examples';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { run } from './render.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-render-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function capture(): { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  return { out: () => out.join('\n'), err: () => err.join('\n') };
}

it('renders a report as PDF, as Word and as HTML', { timeout: 120_000 }, async () => {
  const io = capture();
  const pdf = join(dir, 'report.pdf');
  expect(await run([examplePath('demo-county-2021'), '-o', pdf, '--lang', 'zh-en'])).toBe(0);
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  expect(io.out()).toContain(`wrote ${pdf} (zh-en`);
  const html = join(dir, 'report.html');
  expect(await run([examplePath('tiantan-2019'), '-o', html])).toBe(0);
  expect(readFileSync(html, 'utf8')).toContain('天坛街道办事处');
  const docx = join(dir, 'report.docx');
  expect(await run([examplePath('tiantan-2019'), '-o', docx])).toBe(0);
  // A .docx is a zip file whose first entry is [Content_Types].xml.
  expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  expect(readFileSync(docx).includes('[Content_Types].xml')).toBe(true);
  expect(readdirSync(dir).sort()).toEqual(['report.docx', 'report.html', 'report.pdf']);
});

it('explains a missing file, invalid JSON and a report that fails the schema, and writes nothing', async () => {
  const io = capture();
  const out = join(dir, 'out.pdf');
  expect(await run([join(dir, 'nope.json'), '-o', out])).toBe(1);
  expect(io.err()).toMatch(/cannot read .*nope\.json: 文件不存在 file not found/u);

  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{"format": "2021", "year": 2021,');
  expect(await run([broken, '-o', out])).toBe(1);
  expect(io.err()).toContain('is not valid JSON');

  const report = JSON.parse(readFileSync(examplePath('demo-county-2021'), 'utf8'));
  report.cells['t3.new_received.natural_person'] = -3;
  const invalid = join(dir, 'invalid.json');
  writeFileSync(invalid, JSON.stringify(report));
  expect(await run([invalid, '-o', out])).toBe(1);
  expect(io.err()).toContain('1 problem(s)');
  expect(io.err()).toContain('t3.new_received.natural_person: 「一、本年新收政府信息公开申请数量 / 自然人」');
  expect(io.err()).toContain('"1. New requests received this year / Natural persons"');
  expect(readdirSync(dir).sort()).toEqual(['broken.json', 'invalid.json']);
});

it('refuses English for a report without English narrative, naming the blocks, and keeps an existing file', async () => {
  const io = capture();
  const out = join(dir, 'out.pdf');
  writeFileSync(out, 'previous');
  expect(await run([examplePath('tiantan-2019'), '-o', out, '--lang', 'en'])).toBe(1);
  expect(io.err()).toContain('s1.body (I. Overview)');
  expect(readFileSync(out, 'utf8')).toBe('previous');
  expect(readdirSync(dir)).toEqual(['out.pdf']);
});

it('rejects wrong usage with exit code 2', async () => {
  const io = capture();
  const input = examplePath('demo-county-2021');
  expect(await run([input])).toBe(2);
  expect(io.err()).toContain('give the output file with -o');
  expect(await run([input, '-o', join(dir, 'out.odt')])).toBe(2);
  expect(await run([input, '-o', join(dir, 'out.pdf'), '--lang', 'fr'])).toBe(2);
  expect(await run([input, '-o', join(dir, 'out.pdf'), '--bogus'])).toBe(2);
  expect(io.err()).toContain('usage: pnpm nianbao render');
  expect(readdirSync(dir)).toEqual([]);
});
