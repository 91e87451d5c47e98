import { describe, expect, it } from 'vitest';
import { allTablesZero, blankTableFindings, narrativeFindings } from './completeness.ts';
import { getFormat } from './formats/index.ts';
import { newReport } from './newReport.ts';

const format = getFormat('2021');
const blank = () => newReport({ organisation: { zh: '天坛街道办事处' }, year: 2022 });

describe('blank tables', () => {
  it('names each blank table; a stated 0 is not blank', () => {
    const data = blank();
    expect(blankTableFindings(format, data).map((f) => f.rule)).toEqual(['T-BLANK', 'T-BLANK', 'T-BLANK']);
    data.cells['t2.rules.issued'] = 0;
    const left = blankTableFindings(format, data);
    expect(left).toHaveLength(2);
    expect(left[0]!.message.zh).toContain('「三、收到和处理政府信息公开申请情况」的表格还是空白');
  });

  it('names a blank 一、本年新收 row of a table that is otherwise filled', () => {
    const data = blank();
    data.cells['t3.carried_over.natural_person'] = 1;
    const row = blankTableFindings(format, data).find((f) => f.rule === 'T-ROW')!;
    expect(row.cells).toEqual(['t3.new_received.natural_person']);
    expect(row.message.en).toContain('"1. New requests received this year" is blank');
    data.cells['t3.new_received.commercial'] = 0;
    expect(blankTableFindings(format, data).some((f) => f.rule === 'T-ROW')).toBe(false);
  });

  it('tells a report of nothing but zeros and blanks', () => {
    const data = blank();
    expect(allTablesZero(format, data)).toBe(true);
    data.cells['t2.rules.issued'] = 0;
    data.cells['t2.fees.amount_wan_yuan'] = '0.0000';
    expect(allTablesZero(format, data)).toBe(true);
    data.cells['t4.review.pending'] = 1;
    expect(allTablesZero(format, data)).toBe(false);
  });
});

describe('long text', () => {
  it('is an error naming the block, the length and the limit, in Chinese and English', () => {
    const data = blank();
    data.narrative['s1.active'] = { zh: '公'.repeat(50_001), en: 'x'.repeat(50_000) };
    const long = narrativeFindings(format, data).filter((f) => f.rule === 'N-LEN');
    expect(long).toHaveLength(1);
    expect(long[0]).toMatchObject({ level: 'error', narrative: 's1.active' });
    expect(long[0]!.message.zh).toContain('有 50001 字，超过上限 50000 字（多 1 字）');
    data.narrative['s1.active'] = { zh: '公', en: 'x'.repeat(50_003) };
    expect(narrativeFindings(format, data).find((f) => f.rule === 'N-LEN')!.message.en).toContain(
      '(English) has 50003 characters, 3 over the limit of 50000',
    );
  });
});
