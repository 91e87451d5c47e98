import { describe, expect, it } from 'vitest';
import { format2019, format2021 } from '../formats/index.ts';
import { checkReport } from '../rules.ts';
import { computeTotals } from '../totals.ts';
import type { FormatDef, ReportData } from '../types.ts';

function report(
  format: FormatDef,
  year: number,
  cells: ReportData['cells'],
  narrative: ReportData['narrative'] = {},
): ReportData {
  return computeTotals(format, { format: format.id, year, organisation: { zh: '某局' }, narrative, cells });
}
const rule = (id: string, format: FormatDef, data: ReportData, previous: ReportData) =>
  checkReport(format, data, { previous }).filter((f) => f.rule === id);

describe.each([format2021, format2019])('Y-JUMP ($id)', (format) => {
  const year = format.id === '2021' ? 2022 : 2020;
  const last = report(format, year - 1, {
    't3.new_received.natural_person': 20,
    't2.licensing.decisions': 400,
  });

  it('warns when a total grows above 5× or falls below 0.2×, with both years', () => {
    const now = report(format, year, { 't3.new_received.natural_person': 101, 't2.licensing.decisions': 79 });
    const found = rule('Y-JUMP', format, now, last);
    expect(found.map((f) => [f.level, f.cells, f.expected, f.actual])).toEqual([
      ['warning', ['t3.new_received.total'], '20', '101'],
      ['warning', ['t2.licensing.decisions'], '400', '79'],
    ]);
    expect(found[0]!.message.zh).toContain(`从${year - 1}年度的 20 增至 101`);
  });

  it('says nothing within 5× and 0.2×, or for small numbers', () => {
    const now = report(format, year, {
      't3.new_received.natural_person': 100,
      't2.licensing.decisions': 80,
      't4.review.maintained': 9,
    });
    expect(rule('Y-JUMP', format, now, last)).toEqual([]);
    expect(checkReport(format, now).filter((f) => f.rule === 'Y-JUMP')).toEqual([]);
  });
});

describe.each([
  { format: format2021, block: 's5.body' },
  { format: format2019, block: 's5.body' },
])('Y-COPY ($format.id)', ({ format, block }) => {
  const year = format.id === '2021' ? 2022 : 2020;
  const old = `${year - 1}年，我局政府信息公开工作仍存在一些不足：一是主动公开的深度和广度还不够，二是政策解读形式较为单一，三是工作人员业务水平有待提高。下一步将加强培训，丰富解读形式。`;
  const last = report(format, year - 1, {}, { [block]: { zh: old } });

  it('names the block and the share when more than half repeats last year, figures and dates aside', () => {
    const copied = old.replace(`${year - 1}年`, `${year}年`);
    const [f, ...rest] = rule('Y-COPY', format, report(format, year, {}, { [block]: { zh: copied } }), last);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      level: 'warning',
      actual: '100%',
      range: { block, lang: 'zh', start: 0, end: copied.length },
    });
    expect(f!.message.zh).toContain('五、存在的主要问题及改进情况」有 100% 的文字与');
  });

  it('says nothing for a text written anew', () => {
    const fresh = `${year}年，本局依申请公开办理质量仍需提升，个别答复书引用条款不够准确；网站栏目设置与群众查找习惯不符。明年将编制答复模板、调整栏目，并开展两次专题培训。`;
    expect(rule('Y-COPY', format, report(format, year, {}, { [block]: { zh: fresh } }), last)).toEqual([]);
  });

  it('answers for the text and last year as they are now, check after check', () => {
    // The share is kept by text for each previous report: another text or another year is read again.
    const copied = report(format, year, {}, { [block]: { zh: old } });
    const other = report(
      format,
      year - 1,
      {},
      {
        [block]: {
          zh: `${year - 1}年，本局网站栏目调整后访问量明显上升，依申请公开答复均在法定期限内办结，未发生行政复议和诉讼案件。`,
        },
      },
    );
    const warned = (previous: typeof last) => rule('Y-COPY', format, copied, previous).length;
    expect([warned(last), warned(other), warned(last), warned(other)]).toEqual([1, 0, 1, 0]);
  });
});
