import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCells } from '../cells.ts';
import { format2019, format2021, getFormat } from '../formats/index.ts';
import { computeTotals } from '../totals.ts';
import type { FormatDef, ReportData } from '../types.ts';
import { readClaims } from './claims.ts';
import { draftNarrative, findDraftedPassage } from './draft.ts';

const example = (name: string): ReportData =>
  JSON.parse(readFileSync(new URL(`../../../../examples/${name}.report.json`, import.meta.url), 'utf8'));

/** The report with only the drafted passages as its narrative, in both languages. */
function drafted(format: FormatDef, data: ReportData): ReportData {
  const narrative: ReportData['narrative'] = {};
  const en = draftNarrative(format, data, 'en');
  for (const { block, text } of draftNarrative(format, data, 'zh'))
    narrative[block] = { zh: text, en: en.find((p) => p.block === block)!.text };
  return { ...data, narrative };
}

/** Every figure a draft states: table 二's rule rows, table 三's rows and groups, table 四's outcomes. */
const FIGURES: Record<FormatDef['id'], number> = { '2021': 6 + 10 + 10, '2019': 6 + 10 + 10 };

describe('draftNarrative', () => {
  it('writes the 2021 paragraphs from the demo, every figure from a cell', () => {
    const demo = example('demo-county-2021');
    expect(draftNarrative(format2021, demo, 'zh')).toEqual([
      {
        block: 's1.active',
        text: '本年度规章制发0件、废止0件、现行有效0件；行政规范性文件制发3件、废止1件、现行有效17件。',
      },
      {
        block: 's1.on_request',
        text:
          '本年新收政府信息公开申请48件，上年结转政府信息公开申请4件；本年度办结49件，其中予以公开20件，部分公开5件，不予公开4件，无法提供13件，不予处理4件，其他处理3件；结转下年度继续办理3件。' +
          '本年度政府信息公开行政复议2件，其中结果维持1件，结果纠正1件，其他结果0件，尚未审结0件；行政诉讼1件，其中结果维持0件，结果纠正0件，其他结果0件，尚未审结1件。',
      },
    ]);
    expect(draftNarrative(format2021, demo, 'en')[1]!.text).toContain(
      'It closed 49: 20 disclosed, 5 partly disclosed',
    );
  });

  it.each(['demo-county-2021', 'tiantan-2019'])(
    'gives %s text in zh and en that X-TEXT reads back without a finding',
    (name) => {
      const data = example(name);
      const format = getFormat(data.format);
      const claims = readClaims(format, drafted(format, data));
      expect(claims.filter((c) => c.matched !== 0)).toEqual([]);
      expect(claims).toHaveLength(2 * FIGURES[format.id]);
    },
  );

  it.each([format2021, format2019])('never disagrees with random valid tables ($id)', (format) => {
    const counts = formatCells(format).filter((c) => c.kind === 'count' && !c.computed);
    const cells = fc.dictionary(fc.constantFrom(...counts.map((c) => c.id)), fc.nat({ max: 20_000 }), {
      maxKeys: 40,
    });
    fc.assert(
      fc.property(cells, (values) => {
        const data = computeTotals(format, {
          format: format.id,
          year: 2024,
          organisation: { zh: '某局' },
          narrative: {},
          cells: values,
        });
        const claims = readClaims(format, drafted(format, data));
        expect(claims.filter((c) => c.matched !== 0)).toEqual([]);
        expect(claims).toHaveLength(2 * FIGURES[format.id]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('findDraftedPassage', () => {
  it('finds a drafted passage inside other text and tells whether its figures are current', () => {
    const demo = example('demo-county-2021');
    const [, passage] = draftNarrative(format2021, demo, 'zh');
    const text = `前言。${passage!.text}结尾。`;
    expect(findDraftedPassage(format2021, demo, 's1.on_request', 'zh', text)).toEqual({
      start: 3,
      end: 3 + passage!.text.length,
      current: true,
    });
    const changed = { ...demo, cells: { ...demo.cells, 't3.granted.total': 21 } };
    expect(findDraftedPassage(format2021, changed, 's1.on_request', 'zh', text)).toMatchObject({
      start: 3,
      current: false,
    });
    expect(findDraftedPassage(format2021, demo, 's1.on_request', 'zh', '全部重写的文字。')).toBeUndefined();
  });
});
