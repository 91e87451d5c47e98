import { describe, expect, it } from 'vitest';
import { loadExample } from '../test/examples.ts';
import { format2021 } from './formats/index.ts';
import { migrateReport } from './migrate.ts';
import { parseReport } from './reportSchema.ts';
import { checkReport } from './rules.ts';
import { computeTotals } from './totals.ts';

describe('migrateReport from 2019 to 2021', () => {
  const tiantan = loadExample('tiantan-2019');

  it('keeps table 三 and 四 and lists what the 2021 format has no place for', () => {
    const source = {
      ...tiantan,
      cells: {
        ...tiantan.cells,
        't3.other_handling.natural_person': 2,
        't3.other_handling.total': 2,
        't3.new_received.natural_person': 2,
        't3.new_received.total': 2,
        't3.results_total.natural_person': 2,
        't3.results_total.total': 2,
        't4.review.corrected': 1,
        't4.review.total': 1,
        't2.rules.made': 1,
      },
    };
    const { data, lost } = migrateReport(source, format2021);
    expect(data.format).toBe('2021');
    // （六）其他处理 cannot be split into the three 2021 rows: it goes to 3.其他.
    expect(data.cells['t3.other_misc.natural_person']).toBe(2);
    expect(data.cells['t4.review.corrected']).toBe(1);
    expect(data.cells['t3.new_received.total']).toBe(2);
    expect(lost.map((l) => l.field)).toEqual([
      't2.rules.made',
      't2.procurement.items',
      't2.procurement.total_amount',
    ]);
    expect(lost[1]).toMatchObject({ value: '21', reason: { zh: '2021年版格式没有对应的栏目' } });
    expect(data.narrative['s1.active']!.zh).toBe(tiantan.narrative['s1.body']!.zh);
    expect(data.narrative['s6.other']!.zh).toBe('暂无其他需要说明的事项。');
    const migrated = { ...data, year: 2021 };
    // The tables are consistent; only the carried-over text's 「未收到政府信息公开申请」 no longer holds.
    expect(
      checkReport(format2021, computeTotals(format2021, migrated)).map((f) => [f.rule, f.cells]),
    ).toEqual([['X-TEXT', ['t3.new_received.total']]]);
    // The required 2021 blocks that had no 2019 counterpart are there, empty, for the user to write.
    const parsed = parseReport(migrated);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.issues.map((i) => i.path.join('.'))).toContain('narrative.s1.on_request.zh');
  });
});
