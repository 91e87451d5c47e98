import { describe, expect, it } from 'vitest';
import { loadExample } from '../test/examples.ts';
import { format2019, format2021 } from './formats/index.ts';
import { newReport } from './newReport.ts';
import { checkReport, type Finding } from './rules.ts';
import { computeTotals } from './totals.ts';
import type { FormatDef, ReportData } from './types.ts';

const rulesOf = (findings: Finding[]) => [...new Set(findings.map((f) => f.rule))];

/** A blank 2021 (or 2019) report with totals filled: it satisfies every rule. */
function blank(year = 2023): { format: FormatDef; data: ReportData } {
  const data = newReport({ organisation: { zh: '测试局' }, year });
  const format = data.format === '2021' ? format2021 : format2019;
  return { format, data: computeTotals(format, data) };
}

function withCells(data: ReportData, cells: ReportData['cells']): ReportData {
  return { ...data, cells: { ...data.cells, ...cells } };
}

describe('checkReport on the examples', () => {
  it('finds nothing in the Tiantan 2019 report', () => {
    expect(checkReport(format2019, loadExample('tiantan-2019'))).toEqual([]);
  });
  it('finds nothing in the demo county 2021 report', () => {
    expect(checkReport(format2021, loadExample('demo-county-2021'))).toEqual([]);
  });
  it('finds nothing on a blank report with totals filled', () => {
    expect(checkReport(blank().format, blank().data)).toEqual([]);
    expect(checkReport(format2019, blank(2020).data)).toEqual([]);
  });
});

describe('each rule fires on a minimal violating report', () => {
  it('R3-BAL: a column that does not balance, with the value 四、结转下年度继续办理 would need', () => {
    const { format, data } = blank();
    // 5 new requests from companies, 3 granted, nothing carried forward: 2 are missing.
    const bad = computeTotals(
      format,
      withCells(data, { 't3.new_received.commercial': 5, 't3.granted.commercial': 3 }),
    );
    const findings = checkReport(format, bad);
    expect(rulesOf(findings)).toEqual(['R3-BAL']);
    const byColumn = findings.map((f) => f.cells[0]);
    expect(byColumn).toEqual(['t3.carried_forward.commercial', 't3.carried_forward.total']);
    expect(findings[0]).toMatchObject({
      level: 'error',
      expected: '5',
      actual: '3',
      fix: { cell: 't3.carried_forward.commercial', value: 2 },
    });
    expect(findings[0]!.message.zh).toContain('「商业企业」列不平衡');
    expect(findings[0]!.message.zh).toContain('「四、结转下年度继续办理」应为 2');
    expect(findings[0]!.message.en).toContain('"4. Carried over to next year" should be 2');
    const fixed = computeTotals(format, withCells(bad, { 't3.carried_forward.commercial': 2 }));
    expect(checkReport(format, fixed)).toEqual([]);
  });

  it('R3-BAL: no one-click fix that would hide a typo in the requests or a half-entered table', () => {
    const { format, data } = blank();
    // 新收 mistyped 2221 for 21: writing 2200 into 结转下年度 would make the table pass.
    const typo = computeTotals(
      format,
      withCells(data, { 't3.new_received.natural_person': 2221, 't3.granted.natural_person': 21 }),
    );
    const [first] = checkReport(format, typo);
    expect(first).toMatchObject({
      rule: 'R3-BAL',
      cells: expect.arrayContaining(['t3.new_received.natural_person']),
    });
    expect(first!.fix).toBeUndefined();
    expect(first!.message.zh).toContain('须为 2200，比本年全部办理结果（21）还多');
    expect(first!.message.zh).toContain('「一、本年新收政府信息公开申请数量」');
    expect(first!.message.en).toContain('which is unlikely');
    // Half-way through entry: 新收 7, no outcome yet.
    const halfway = computeTotals(format, withCells(data, { 't3.new_received.natural_person': 7 }));
    const [pending] = checkReport(format, halfway);
    expect(pending!.fix).toBeUndefined();
    expect(pending!.message.zh).toContain('办理结果尚未填写');
    // Only last year's requests, still open: carrying them forward is offered.
    const carried = computeTotals(format, withCells(data, { 't3.carried_over.natural_person': 3 }));
    const [open] = checkReport(format, carried);
    expect(open!.fix).toEqual({ cell: 't3.carried_forward.natural_person', value: 3 });
  });

  it('R3-BAL: more outcomes than requests offers no negative carry-forward', () => {
    const { format, data } = blank();
    const bad = computeTotals(format, withCells(data, { 't3.granted.research': 1 }));
    const [first] = checkReport(format, bad);
    expect(first).toMatchObject({ rule: 'R3-BAL', fix: undefined });
    expect(first!.message.zh).toContain('办理结果多于收到的申请');
  });

  it('R3-ROW: a 总计 that is not the sum of the applicant columns', () => {
    const { format, data } = blank();
    const ok = computeTotals(
      format,
      withCells(data, { 't3.new_received.natural_person': 4, 't3.carried_forward.natural_person': 4 }),
    );
    const findings = checkReport(format, withCells(ok, { 't3.new_received.total': 3 }));
    expect(rulesOf(findings)).toContain('R3-ROW');
    const row = findings.find((f) => f.rule === 'R3-ROW')!;
    expect(row).toMatchObject({
      cells: expect.arrayContaining(['t3.new_received.total', 't3.new_received.natural_person']),
      expected: '4',
      actual: '3',
    });
    expect(row.message.zh).toContain('「一、本年新收政府信息公开申请数量 / 总计」应为各项之和 4（自然人 4）');
  });

  it('R3-RES: a （七）总计 that is not the sum of the outcome rows', () => {
    const { format, data } = blank();
    const findings = checkReport(
      format,
      withCells(data, { 't3.unable_no_info.legal_services': 2, 't3.unable_no_info.total': 2 }),
    );
    const res = findings.filter((f) => f.rule === 'R3-RES');
    // The 总计 of （七）总计 is the sum of its row (R3-ROW), so one R3-RES finding per applicant column.
    expect(res.map((f) => f.cells[0])).toEqual(['t3.results_total.legal_services']);
    expect(res[0]!.message.zh).toContain('1.本机关不掌握相关政府信息 2');
  });

  it('R4-SUM: a 总计 of table 四 that is not the sum of its four outcomes', () => {
    const { format, data } = blank();
    const findings = checkReport(
      format,
      withCells(data, { 't4.review.maintained': 10, 't4.review.corrected': 1 }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'R4-SUM',
      cells: expect.arrayContaining(['t4.review.total']),
      expected: '11',
      actual: '0',
    });
    expect(findings[0]!.message.zh).toContain('「行政复议 / 总计」');
  });

  it('R2-INT, R3-INT, R4-INT: values a cell kind does not allow', () => {
    const { format, data } = blank();
    const findings = checkReport(
      format,
      withCells(data, {
        't2.licensing.decisions': -3,
        't2.fees.amount_wan_yuan': '1.23456',
        't3.granted.research': 1.5,
        't4.review.pending': 'x',
      }),
    );
    const kinds = findings.filter((f) => f.rule.endsWith('-INT'));
    expect(kinds.map((f) => [f.rule, f.cells[0]])).toEqual([
      ['R2-INT', 't2.licensing.decisions'],
      ['R2-INT', 't2.fees.amount_wan_yuan'],
      ['R3-INT', 't3.granted.research'],
      ['R4-INT', 't4.review.pending'],
    ]);
    expect(kinds[1]!.message.zh).toContain('最多 4 位小数');
  });

  it('2019: 本年增/减 may be negative', () => {
    const { format, data } = blank(2020);
    expect(
      checkReport(format, withCells(data, { 't2.licensing.change': -2, 't2.licensing.prev_year_items': 5 })),
    ).toEqual([]);
  });

  it('X-FMT: a 2023 report in the 2019 format', () => {
    const { data } = blank(2020);
    const findings = checkReport(format2019, { ...data, year: 2023 });
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'X-FMT', level: 'error', expected: '2021', actual: '2019' }),
    ]);
    expect(findings[0]!.message.zh).toContain('2023年度报告须使用2021年版格式');
  });

  it('X-FEE: unpaid-fee cases with no fee figures in section 六, and fees mentioned without figures', () => {
    const { format, data } = blank();
    const unpaid = computeTotals(
      format,
      withCells(data, { 't3.other_overdue_fee.natural_person': 1, 't3.new_received.natural_person': 1 }),
    );
    const noFee = {
      ...unpaid,
      narrative: { ...unpaid.narrative, 's6.fees': { zh: '本年度未收取信息处理费。' } },
    };
    expect(checkReport(format, noFee)).toEqual([
      expect.objectContaining({ level: 'warning', cells: ['t3.other_overdue_fee.total'] }),
    ]);
    const stated = {
      ...unpaid,
      narrative: { ...unpaid.narrative, 's6.fees': { zh: '本年度发出信息处理费收费通知1件，金额100元。' } },
    };
    expect(checkReport(format, stated)).toEqual([]);
    const vague = {
      ...data,
      narrative: { ...data.narrative, 's6.fees': { zh: '本年度收取了信息处理费。' } },
    };
    expect(rulesOf(checkReport(format, vague))).toEqual(['X-FEE']);
  });

  it('R2-STOCK: 现行有效件数 that does not follow from last year, issued and repealed', () => {
    const { format, data } = blank(2023);
    const previous = withCells(blank(2022).data, { 't2.normative_docs.in_force': 10 });
    const ok = withCells(data, {
      't2.normative_docs.in_force': 12,
      't2.normative_docs.issued': 3,
      't2.normative_docs.repealed': 1,
    });
    expect(checkReport(format, ok, { previous })).toEqual([]);
    const findings = checkReport(format, withCells(ok, { 't2.normative_docs.in_force': 15 }), { previous });
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'R2-STOCK', level: 'warning', expected: '12', actual: '15' }),
    ]);
    expect(findings[0]!.message.zh).toContain('上年 10 加本年制发 3 减本年废止 1 得 12');
  });

  it('X-CARRY: 上年结转 differs from last year’s 结转下年度继续办理', () => {
    const { format, data } = blank(2023);
    const previous = computeTotals(
      format,
      withCells(blank(2022).data, {
        't3.new_received.natural_person': 2,
        't3.carried_forward.natural_person': 2,
      }),
    );
    const findings = checkReport(format, data, { previous });
    expect(findings.map((f) => [f.rule, f.cells[0], f.fix?.value])).toEqual([
      ['X-CARRY', 't3.carried_over.natural_person', 2],
      ['X-CARRY', 't3.carried_over.total', 2],
    ]);
  });

  it('X-CARRY across formats: a 2021 report after a 2020 one', () => {
    const previous = computeTotals(
      format2019,
      withCells(blank(2020).data, { 't3.new_received.other_org': 1, 't3.carried_forward.other_org': 1 }),
    );
    const carried = newReport({ organisation: { zh: '测试局' }, year: 2021 }, previous);
    expect(carried.cells['t3.carried_over.other_org']).toBe(1);
    const findings = checkReport(format2021, computeTotals(format2021, carried), { previous });
    expect(rulesOf(findings)).toEqual(['R3-BAL']);
  });

  it('R2-2019-PUB: 本年新公开数量 above 对外公开总数量', () => {
    const { format, data } = blank(2019);
    const findings = checkReport(
      format,
      withCells(data, { 't2.rules.published': 3, 't2.rules.total_public': 2 }),
    );
    expect(findings).toEqual([expect.objectContaining({ rule: 'R2-2019-PUB', level: 'warning' })]);
  });

  it('lists errors before warnings', () => {
    const { format, data } = blank(2023);
    const previous = withCells(blank(2022).data, { 't2.rules.in_force': 1 });
    const findings = checkReport(format, withCells(data, { 't4.review.other': 1 }), { previous });
    expect(findings.map((f) => f.level)).toEqual(['error', 'warning']);
  });
});
