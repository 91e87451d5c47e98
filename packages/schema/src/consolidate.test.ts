import { describe, expect, it } from 'vitest';
import { loadExample } from '../test/examples.ts';
import { formatCells } from './cells.ts';
import { consolidateReports } from './consolidate.ts';
import { format2021 } from './formats/index.ts';
import { parseReport } from './reportSchema.ts';
import { checkReport } from './rules.ts';
import { computeTotals } from './totals.ts';
import type { ReportData } from './types.ts';

const qingshan = loadExample('demo-county-2021');

function unit(zh: string, cells: ReportData['cells']): ReportData {
  return computeTotals(format2021, {
    format: '2021',
    year: 2021,
    organisation: { zh },
    narrative: {},
    cells,
  });
}

// Two more units whose own figures balance (carried_forward = new + carried_over − outcomes).
const bureauB = unit('青山县教育局', {
  't2.normative_docs.issued': 2,
  't2.normative_docs.in_force': 10,
  't2.licensing.decisions': 300,
  't2.fees.amount_wan_yuan': '0.0001',
  't3.new_received.natural_person': 5,
  't3.new_received.commercial': 2,
  't3.granted.natural_person': 3,
  't3.granted.commercial': 1,
  't3.unable_no_info.natural_person': 1,
  't3.carried_forward.natural_person': 1,
  't3.carried_forward.commercial': 1,
  't4.review.pending': 1,
});
const townC = unit('青山县城关镇人民政府', {
  't2.penalty.decisions': 4,
  't2.fees.amount_wan_yuan': '7730.28',
  't3.new_received.research': 1,
  't3.other_misc.research': 1,
  't4.litigation_after_review.maintained': 2,
});

describe('consolidateReports (汇总)', () => {
  const county = { zh: '青山县人民政府', en: 'Qingshan County People’s Government' };
  const result = consolidateReports(format2021, [qingshan, bureauB, townC], { organisation: county });

  it('sums every cell of the three reports', () => {
    for (const cell of formatCells(format2021)) {
      if (cell.kind === 'amount') continue;
      const sum = [qingshan, bureauB, townC].reduce((s, r) => s + Number(r.cells[cell.id] ?? 0), 0);
      expect(Number(result.data.cells[cell.id] ?? 0), cell.id).toBe(sum);
    }
    // 12.35 + 0.0001 + 7730.28, exactly.
    expect(result.data.cells['t2.fees.amount_wan_yuan']).toBe('7742.6301');
    expect(result.data.cells['t3.new_received.total']).toBe(48 + 7 + 1);
    expect(result.data.cells['t4.review.total']).toBe(2 + 1);
  });

  it('names the organisations included and passes the rules', () => {
    expect(result.included.map((o) => o.zh)).toEqual([
      '青山县自然资源局',
      '青山县教育局',
      '青山县城关镇人民政府',
    ]);
    expect(result.skipped).toEqual([]);
    // The figures keep every rule; X-FEE only asks the office to write section 六 about the fee
    // notices its units issued, since the narrative of a 汇总 is its own to write.
    expect(result.findings.map((f) => [f.rule, f.level])).toEqual([['X-FEE', 'warning']]);
    expect(checkReport(format2021, result.data)).toEqual(result.findings);
    expect(result.data).toMatchObject({ format: '2021', year: 2021, organisation: county });
    expect(parseReport(result.data, { draft: true }).ok).toBe(true);
  });

  it('leaves out a report of another year and says so; a cell no unit filled stays empty', () => {
    const other = { ...bureauB, year: 2022 };
    const partial = consolidateReports(format2021, [townC, other], { organisation: county, year: 2021 });
    expect(partial.included.map((o) => o.zh)).toEqual(['青山县城关镇人民政府']);
    expect(partial.skipped[0]?.reason.zh).toMatch(/2022/);
    expect(partial.data.cells['t2.licensing.decisions']).toBeNull();
  });

  it('reports what the summed figures break, like any report', () => {
    const broken = { ...townC, cells: { ...townC.cells, 't4.review.total': 5 } };
    const findings = consolidateReports(format2021, [qingshan, broken], { organisation: county }).findings;
    expect(findings.filter((f) => f.level === 'error').map((f) => f.rule)).toEqual(['R4-SUM']);
  });
});
