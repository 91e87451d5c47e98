import { type ExampleName, exampleJson } from '@nianbao/examples';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCells } from '../cells.ts';
import { format2019, format2021, getFormat } from '../formats/index.ts';
import { checkReport } from '../rules.ts';
import { computeTotals } from '../totals.ts';
import type { FormatDef, ReportData } from '../types.ts';
import { readClaims } from './claims.ts';
import { draftNarrative, findDraftedPassage } from './draft.ts';

const example = (name: ExampleName): ReportData => exampleJson(name) as ReportData;

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
    expect(draftNarrative(format2021, demo, 'zh').slice(1)).toEqual([
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
    expect(draftNarrative(format2021, demo, 'en')[2]!.text).toContain(
      'It closed 49: 20 disclosed, 5 partly disclosed',
    );
  });

  it.each(['demo-county-2021', 'tiantan-2019'] as const)(
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

describe('the opening statement', () => {
  const contact = {
    address: '某省某县人民路1号',
    postcode: '123456',
    phone: '0123-4567890',
    email: 'gk@example.gov.cn',
  };

  it('is drafted from the organisation, the year, the format and the record, in both languages', () => {
    const demo = example('demo-county-2021');
    const zh = draftNarrative(format2021, demo, 'zh', { contact }).find((d) => d.block === 'opening')!.text;
    expect(zh).toBe(
      `本报告由${demo.organisation.zh}根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和` +
        '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。' +
        '全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、' +
        '存在的主要问题及改进情况、其他需要报告的事项。' +
        `本报告中所列数据的统计期限自${demo.year}年1月1日起至${demo.year}年12月31日止。` +
        `如对本报告有疑问，请与${demo.organisation.zh}联系（地址：某省某县人民路1号；邮编：123456；电话：0123-4567890；邮箱：gk@example.gov.cn）。`,
    );
    const en = draftNarrative(format2021, demo, 'en', { contact }).find((d) => d.block === 'opening')!.text;
    expect(en).toContain(
      '(address: 某省某县人民路1号; postcode: 123456; tel.: 0123-4567890; e-mail: gk@example.gov.cn)',
    );
    expect(en).toContain(`The statistics cover 1 January ${demo.year} to 31 December ${demo.year}.`);
  });

  it('names the 2019 notice for a 2019-format report and leaves out what the record lacks', () => {
    const tiantan = example('tiantan-2019');
    const zh = draftNarrative(format2019, tiantan, 'zh', { contact: { phone: '0391-1234567' } }).find(
      (d) => d.block === 'opening',
    )!.text;
    expect(zh).toContain('（国办公开办函〔2019〕60号）要求编制');
    expect(zh).toContain('联系（电话：0391-1234567）。');
    const bare = draftNarrative(format2019, tiantan, 'zh').find((d) => d.block === 'opening')!.text;
    expect(bare).not.toContain('如对本报告有疑问');
  });

  it('is neither read for table figures (X-TEXT) nor counted as copied from last year (Y-COPY)', () => {
    const demo = example('demo-county-2021');
    const opening = draftNarrative(format2021, demo, 'zh', { contact }).find((d) => d.block === 'opening')!;
    const data = { ...demo, narrative: { opening: { zh: opening.text } } };
    expect(readClaims(format2021, data)).toEqual([]);
    const findings = checkReport(format2021, data, { previous: { ...data, year: demo.year - 1 } });
    expect(findings.filter((f) => f.rule === 'Y-COPY')).toEqual([]);
  });
});

describe('findDraftedPassage', () => {
  it('finds a drafted passage inside other text and tells whether its figures are current', () => {
    const demo = example('demo-county-2021');
    const passage = draftNarrative(format2021, demo, 'zh').find((d) => d.block === 's1.on_request');
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
