/**
 * Whatever text comes in — random, or a real report cut, shuffled and garbled — the importer ends
 * quickly with report data the schema accepts, or with an ImportError that says why. Never another
 * exception, never a figure without the line it was read from.
 */
import { parseReport } from '@nianbao/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture } from '../test/fixture.ts';
import { htmlToDocx } from '../test/htmlToDocx.ts';
import { importBytes } from './file.ts';
import { ImportError, importText } from './importReport.ts';

const FIXTURES = [
  'tiantan-2019.txt',
  'huaian-hongze-district-govt-2023.txt',
  'huaian-hongze-district-govt-2024.txt',
  'suqian-shuyang-drc-2023.txt',
  'beijing-haidian-unidentified-unit-undated.txt',
  'ganzhou-huichang-zhongcun-township-2020.txt',
  'weihai-wendeng-audit-bureau-2020-p9.txt',
].map((name) => fixture(name).split('\n'));

function importsCleanly(text: string, year?: number): void {
  const started = Date.now();
  try {
    // With a year the organisation is given too, so that the text is read past the title.
    const result = importText(text, year === undefined ? {} : { year, organisation: '某某县某某局' });
    const parsed = parseReport(result.data, { draft: true });
    expect(parsed.ok).toBe(true);
    for (const id of result.readCells) expect(result.cellLines[id]).toBeGreaterThan(0);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    expect(error.detail.zh.length).toBeGreaterThan(0);
    expect(error.detail.en.length).toBeGreaterThan(0);
  }
  expect(Date.now() - started).toBeLessThan(2000);
}

/** Pieces real reports are made of, so random text often looks like a report. */
const piece = fc.oneof(
  fc.constantFrom(
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
    '第二十条第（一）项',
    '信息内容',
    '本年制发件数',
    '规章',
    '（六）其他处理',
    '（七）总计',
    '1.属于国家秘密',
    '行政复议',
    '总计',
    '-3-',
    '/',
    '—',
    '<table><tr><td rowspan="2">',
    '</td></tr>',
    '某某局2023年政府信息公开工作年度报告',
  ),
  fc.integer({ min: -5, max: 100_000 }).map(String),
  fc.constantFrom('0', '12.5', '1,234', '3万元', '251000元', '-0', '00', '1.2.3'),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('\n', '\n\n', ' ', '\f', '\t', '　'),
);

describe('fuzz', () => {
  it('random text made of report pieces', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 300 }),
        fc.option(fc.integer({ min: 1990, max: 2200 }), { nil: undefined }),
        (pieces, year) => importsCleanly(pieces.join(' '), year),
      ),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('arbitrary unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (text) => importsCleanly(text)),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('real reports cut, shuffled and garbled', () => {
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('delete' as const),
        at: fc.nat(),
        count: fc.integer({ min: 1, max: 30 }),
      }),
      fc.record({
        kind: fc.constant('duplicate' as const),
        at: fc.nat(),
        count: fc.integer({ min: 1, max: 30 }),
      }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: piece }),
      fc.record({
        kind: fc.constant('digits' as const),
        at: fc.nat(),
        digit: fc.integer({ min: 0, max: 9 }),
      }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(
        fc.nat({ max: FIXTURES.length - 1 }),
        fc.array(mutation, { maxLength: 12 }),
        fc.option(fc.integer({ min: 2019, max: 2025 }), { nil: undefined }),
        (which, mutations, year) => {
          let lines = [...FIXTURES[which]!];
          for (const m of mutations) {
            if (lines.length === 0) break;
            const at = m.at % lines.length;
            if (m.kind === 'delete') lines.splice(at, m.count);
            else if (m.kind === 'duplicate') lines.splice(at, 0, ...lines.slice(at, at + m.count));
            else if (m.kind === 'swap') {
              const to = m.to % lines.length;
              [lines[at], lines[to]] = [lines[to]!, lines[at]!];
            } else if (m.kind === 'replace') lines[at] = m.text;
            else if (m.kind === 'digits') lines[at] = lines[at]!.replace(/\d/g, String(m.digit));
            else lines = lines.slice(0, at);
          }
          importsCleanly(lines.join('\n'), year);
        },
      ),
      { numRuns: 1500 },
    );
    // Each input is read to the end (most keep their title): minutes on a busy machine.
  }, 400_000);

  it('Word files: real pages cut and garbled, made into .docx; broken .docx; .doc', async () => {
    const page = fixture('suqian-shuyang-drc-2023.txt').split('\n');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), text: piece }), { maxLength: 6 }),
        fc.nat({ max: 3 }),
        fc.nat(),
        async (replacements, kind, cut) => {
          const lines = [...page];
          for (const r of replacements) lines[r.at % lines.length] = r.text;
          let bytes = await htmlToDocx(lines.join('\n'));
          // A .docx cut short, or an OLE header (a Word 97 .doc).
          if (kind === 1) bytes = bytes.subarray(0, cut % bytes.length);
          if (kind === 2) bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...bytes]);
          const started = Date.now();
          try {
            const result = await importBytes(bytes, { name: 'report.docx' });
            expect(parseReport(result.data, { draft: true }).ok).toBe(true);
            expect(result.provenance.form).toBe('docx');
          } catch (error) {
            if (!(error instanceof ImportError)) throw error;
            if (kind === 2) expect(error.detail.en).toMatch(/save it as \.docx or PDF/);
          }
          expect(Date.now() - started).toBeLessThan(4000);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
