import { describe, expect, it } from 'vitest';
import { loadExample } from '../test/examples.ts';
import { format2021 } from './formats/index.ts';
import { parseReport, reportSchema } from './reportSchema.ts';
import type { ReportData } from './types.ts';

const demo = () => loadExample('demo-county-2021');
const issues = (input: unknown) => {
  const result = parseReport(input);
  if (result.ok) throw new Error('expected the report to be rejected');
  return result.issues;
};
const withCell = (id: string, value: unknown): unknown => {
  const data = demo();
  return { ...data, cells: { ...data.cells, [id]: value } };
};

describe('the derived report schema', () => {
  it('accepts both examples', () => {
    expect(parseReport(loadExample('tiantan-2019')).ok).toBe(true);
    expect(parseReport(demo()).ok).toBe(true);
  });

  it('accepts empty and null cells (they count as 0) and keeps a numeric amount as a decimal string', () => {
    const data = demo();
    const { 't3.granted.research': _dropped, ...cells } = data.cells;
    const result = parseReport({
      ...data,
      cells: { ...cells, 't3.granted.commercial': null, 't2.fees.amount_wan_yuan': 12.5 },
    });
    expect(result.ok && result.data.cells['t2.fees.amount_wan_yuan']).toBe('12.5');
  });

  it('rejects a negative count, naming the cell by id and label path', () => {
    const [issue] = issues(withCell('t3.denied_state_secret.natural_person', -1));
    expect(issue!.cell).toBe('t3.denied_state_secret.natural_person');
    expect(issue!.message.zh).toBe(
      '「三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 / 自然人」（t3.denied_state_secret.natural_person）须填写不小于 0 的整数，现为 “-1”',
    );
    expect(issue!.message.en).toContain(
      '"3. Outcomes this year / (3) Not disclosed / 1. State secret / Natural persons"',
    );
  });

  it('rejects a fractional count', () => {
    const [issue] = issues(withCell('t4.review.maintained', 1.5));
    expect(issue).toMatchObject({ cell: 't4.review.maintained', path: ['cells', 't4.review.maintained'] });
    expect(issue!.message.zh).toContain('「行政复议 / 结果维持」');
  });

  it('rejects a count given as text', () => {
    expect(issues(withCell('t2.penalty.decisions', '12'))[0]!.message.zh).toContain(
      '「第二十条第（六）项 / 行政处罚 / 本年处理决定数量」',
    );
  });

  it('rejects an amount with 5 decimals, a negative amount and an amount with a unit', () => {
    for (const bad of ['1.23456', '-1', '12万元', 1.23456]) {
      const [issue] = issues(withCell('t2.fees.amount_wan_yuan', bad));
      expect(issue!.cell).toBe('t2.fees.amount_wan_yuan');
      expect(issue!.message.zh).toContain('最多 4 位小数');
    }
  });

  it('rejects unknown cell ids and lists them', () => {
    const [issue] = issues(withCell('t3.granted.alien', 1));
    expect(issue!.path).toEqual(['cells']);
    expect(issue!.message.zh).toContain('t3.granted.alien');
  });

  it('rejects a missing or blank required narrative, naming the section and block', () => {
    const data = demo();
    const { 's5.body': _gone, ...narrative } = data.narrative;
    const [missing] = issues({ ...data, narrative });
    expect(missing!.path).toEqual(['narrative', 's5.body']);
    expect(missing!.message.zh).toContain('「五、存在的主要问题及改进情况」（s5.body）不能为空');
    const [blank] = issues({ ...data, narrative: { ...data.narrative, 's1.platforms': { zh: '   ' } } });
    expect(blank!.message.zh).toContain('「一、总体情况 / （四）政府信息公开平台建设」');
  });

  it('lets a draft leave required narrative empty, but checks its cells as strictly', () => {
    const data = demo();
    const draft = { ...data, narrative: { 's1.active': { zh: '' } } };
    expect(parseReport(draft).ok).toBe(false);
    expect(parseReport(draft, { draft: true }).ok).toBe(true);
    const bad = parseReport({ ...draft, cells: { 't3.granted.total': -1 } }, { draft: true });
    expect(bad.ok).toBe(false);
  });

  it('lets optional narrative blocks be left out', () => {
    const data = demo();
    const { 's6.proposals': _p, ...narrative } = data.narrative;
    expect(parseReport({ ...data, narrative }).ok).toBe(true);
  });

  it('rejects a year whose format does not match', () => {
    const [issue] = issues({ ...loadExample('tiantan-2019'), year: 2022 });
    expect(issue!.path).toEqual(['format']);
    expect(issue!.message.zh).toContain('2022年度报告须使用2021年版格式');
    expect(issues({ ...demo(), year: 2020 })[0]!.message.en).toContain('must use the 2019 format');
  });

  it('rejects an unknown format, a missing organisation and unknown top-level keys', () => {
    expect(issues({ ...demo(), format: '2016' })[0]!.path).toEqual(['format']);
    expect(issues({ ...demo(), organisation: { zh: '' } })[0]!.message.zh).toContain('机关名称');
    expect(issues({ ...demo(), extra: 1 })[0]!.message.en).toContain('extra');
    expect(issues(null)[0]!.path).toEqual(['format']);
  });

  it('does not let __proto__ keys through', () => {
    const raw = JSON.parse(
      JSON.stringify(demo()).replace('"cells":{', '"cells":{"__proto__":{"polluted":1},'),
    );
    expect(parseReport(raw).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives the cells that all fit exactly as zod does, in the same order', () => {
    const data = demo();
    const { 't3.granted.research': _dropped, ...cells } = data.cells;
    const input = {
      ...data,
      cells: { 't2.fees.amount_wan_yuan': 12.5, ...cells, 't3.granted.commercial': null },
    };
    const result = parseReport(input);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(JSON.stringify(result.data)).toBe(JSON.stringify(reportSchema(format2021).parse(input)));
  });

  it('is typed as ReportData', () => {
    const data: ReportData = reportSchema(format2021).parse(demo());
    expect(data.organisation.zh).toBe('青山县自然资源局');
  });
});
