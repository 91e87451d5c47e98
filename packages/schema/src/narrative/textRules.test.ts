import { type ExampleName, exampleJson } from '@nianbao/examples';
import { describe, expect, it } from 'vitest';
import { format2019, format2021 } from '../formats/index.ts';
import { checkReport } from '../rules.ts';
import { computeTotals } from '../totals.ts';
import type { FormatDef, ReportData } from '../types.ts';

const example = (name: ExampleName): ReportData => exampleJson(name) as ReportData;

/** A report of `format` with the cells given (totals computed) and one narrative block. */
function report(
  format: FormatDef,
  cells: ReportData['cells'],
  block: string,
  zh: string,
  en?: string,
): ReportData {
  return computeTotals(format, {
    format: format.id,
    year: format.id === '2021' ? 2024 : 2020,
    organisation: { zh: '某局' },
    narrative: { [block]: en === undefined ? { zh } : { zh, en } },
    cells,
  });
}

const textFindings = (format: FormatDef, data: ReportData) =>
  checkReport(format, data).filter((f) => f.rule === 'X-TEXT');

const FORMATS = [
  { format: format2021, applications: 's1.on_request', documents: 's1.active' },
  { format: format2019, applications: 's1.body', documents: 's1.body' },
];

describe('X-TEXT on the examples', () => {
  it('finds nothing in either example', () => {
    expect(textFindings(format2021, example('demo-county-2021'))).toEqual([]);
    expect(textFindings(format2019, example('tiantan-2019'))).toEqual([]);
  });

  it('gives exactly one error naming the cell when one figure of the demo is changed', () => {
    const demo = example('demo-county-2021');
    const zh = demo.narrative['s1.on_request']!.zh;
    const changed = {
      ...demo,
      narrative: {
        ...demo.narrative,
        's1.on_request': {
          ...demo.narrative['s1.on_request']!,
          zh: zh.replace('新收政府信息公开申请48件', '新收政府信息公开申请52件'),
        },
      },
    };
    const findings = textFindings(format2021, changed);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({
      level: 'error',
      cells: ['t3.new_received.total'],
      expected: '48',
      actual: '52件',
    });
    expect(f!.message.zh).toContain('一、本年新收政府信息公开申请数量 / 总计」为 48');
    const text = changed.narrative['s1.on_request'].zh;
    expect(text.slice(f!.range!.start, f!.range!.end)).toBe('本年度新收政府信息公开申请52件，上年结转4件。');
    expect(text.slice(f!.span!.start, f!.span!.end)).toBe('52件');
  });

  it('checks the same text against the cells as they are now, save after save', () => {
    // A passage's reading is kept by its text; the figures it is checked against must never be.
    const demo = example('demo-county-2021');
    const withCell = (n: number) =>
      computeTotals(format2021, { ...demo, cells: { ...demo.cells, 't3.new_received.natural_person': n } });
    const stated = demo.cells['t3.new_received.natural_person'] as number;
    for (const n of [stated, stated + 4, stated, stated + 1]) {
      const findings = textFindings(format2021, withCell(n));
      expect(findings.map((f) => f.expected)).toEqual(
        n === stated ? [] : expect.arrayContaining([String(48 + n - stated)]),
      );
    }
  });
});

describe.each(FORMATS)('X-TEXT in the $format.id format', ({ format, applications, documents }) => {
  const cells = {
    't3.new_received.natural_person': 48,
    't3.granted.natural_person': 20,
    't3.unable_no_info.natural_person': 28,
  };

  it('accepts figures that agree, in Arabic and Chinese numerals, zh and en', () => {
    const data = report(
      format,
      cells,
      applications,
      '本年度新收申请四十八件，其中予以公开20件，无法提供二十八件。',
      'The agency received 48 new requests; 20 were disclosed and 28 could not be provided.',
    );
    expect(textFindings(format, data)).toEqual([]);
  });

  it('reports a Chinese figure that disagrees, as an error naming the cell', () => {
    const data = report(format, cells, applications, '本年度新收申请四十八件，其中予以公开二十一件。');
    expect(textFindings(format, data).map((f) => [f.level, f.cells, f.actual, f.range?.lang])).toEqual([
      ['error', ['t3.granted.total'], '二十一件', 'zh'],
    ]);
  });

  it('reports an English figure that disagrees', () => {
    const data = report(
      format,
      cells,
      applications,
      '本年度新收申请48件。',
      'The agency received 50 new requests.',
    );
    expect(textFindings(format, data).map((f) => [f.level, f.cells, f.actual, f.range?.lang])).toEqual([
      ['error', ['t3.new_received.total'], '50', 'en'],
    ]);
  });

  it('reads thousands separators and table 二 figures', () => {
    const big = { [`t2.normative_docs.${format.id === '2021' ? 'issued' : 'made'}`]: 1234 };
    const verb = format.id === '2021' ? '制发' : '新制作';
    expect(textFindings(format, report(format, big, documents, `本年度${verb}规范性文件1,234件。`))).toEqual(
      [],
    );
    expect(
      textFindings(format, report(format, big, documents, `本年度${verb}规范性文件1,243件。`)),
    ).toHaveLength(1);
  });

  it('gives a warning, not an error, for 受理, saying which reading matches', () => {
    const withCarried = { ...cells, 't3.carried_over.natural_person': 2 };
    const data = report(format, withCarried, applications, '本年度共受理政府信息公开申请50件。');
    const [f, ...rest] = textFindings(format, data);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ level: 'warning', cells: ['t3.new_received.total'] });
    expect(f!.message.zh).toContain(
      '与表格相符的是「一、本年新收政府信息公开申请数量 / 总计 + 二、上年结转政府信息公开申请数量 / 总计」',
    );
    expect(
      textFindings(format, report(format, withCarried, applications, '本年度共受理政府信息公开申请48件。')),
    ).toEqual([]);
    expect(
      textFindings(
        format,
        report(format, withCarried, applications, '本年度共受理政府信息公开申请60件。'),
      )[0],
    ).toMatchObject({ level: 'warning' });
  });

  it('checks 「未收到…申请」 and 「均获维持」 against the tables', () => {
    const none = '本年度未收到政府信息公开申请，未发生政府信息公开行政复议案件。';
    expect(textFindings(format, report(format, {}, applications, none))).toEqual([]);
    expect(
      textFindings(
        format,
        report(
          format,
          { 't3.new_received.natural_person': 3, 't4.review.maintained': 1 },
          applications,
          none,
        ),
      ).map((f) => f.cells),
    ).toEqual([['t3.new_received.total'], ['t4.review.total']]);
    const upheld = '行政复议2件，均获维持。';
    expect(textFindings(format, report(format, { 't4.review.maintained': 2 }, applications, upheld))).toEqual(
      [],
    );
    const pending = textFindings(
      format,
      report(format, { 't4.review.maintained': 1, 't4.review.pending': 1 }, applications, upheld),
    );
    expect(pending.map((f) => [f.level, f.expected])).toEqual([['error', '1']]);
  });

  it('checks a stated share within rounding', () => {
    const shares = (text: string) => textFindings(format, report(format, cells, applications, text));
    expect(shares('收到申请48件，办结48件，其中予以公开20件，占41.7%。')).toEqual([]);
    expect(shares('收到申请48件，办结48件，其中予以公开20件，占42%。')).toEqual([]);
    expect(shares('收到申请48件，办结48件，其中予以公开20件，占45.2%。').map((f) => f.actual)).toEqual([
      '45.2%',
    ]);
  });
});
