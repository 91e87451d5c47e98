import { format2019, format2021 } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { acceptsWhileTyping, cellValue, pastedText } from './fields.ts';
import { gridModel, neighbour, parseClipboard, pastePlan } from './grid.ts';

const table = (format: typeof format2019, id: string) =>
  format.sections.find((s) => s.table?.id === id)!.table!;

describe('cell text', () => {
  it('lets through only what a kind allows while typing', () => {
    expect(acceptsWhileTyping('count', '120')).toBe(true);
    expect(acceptsWhileTyping('count', '-1')).toBe(false);
    expect(acceptsWhileTyping('signedCount', '-')).toBe(true);
    expect(acceptsWhileTyping('amount', '12.')).toBe(true);
    expect(acceptsWhileTyping('amount', '12.34567')).toBe(false);
  });

  it('reads values: empty is null, amounts stay decimal strings', () => {
    expect(cellValue('count', '')).toBeNull();
    expect(cellValue('count', '007')).toBe(7);
    expect(cellValue('signedCount', '-3')).toBe(-3);
    expect(cellValue('amount', '12.')).toBe('12');
    expect(cellValue('amount', '.5')).toBe('0.5');
  });

  it('understands what spreadsheets and published tables paste', () => {
    expect(pastedText('count', ' 1,234 ')).toBe('1234');
    expect(pastedText('count', '１２')).toBe('12');
    expect(pastedText('count', '/')).toBe('');
    expect(pastedText('count', '—')).toBe('');
    expect(pastedText('amount', '12.35万元')).toBe('12.35');
    expect(pastedText('count', '3.5')).toBeUndefined();
    expect(pastedText('count', '无')).toBeUndefined();
  });
});

describe('grid', () => {
  it('moves past computed cells and keeps to the nearest column in table 二', () => {
    const t3 = gridModel(format2021, table(format2021, 't3'));
    expect(neighbour(t3, 't3.other_misc.commercial', 'down')).toBe('t3.carried_forward.commercial');
    expect(neighbour(t3, 't3.new_received.other_org', 'right')).toBeUndefined();
    const t2 = gridModel(format2019, table(format2019, 't2'));
    expect(neighbour(t2, 't2.coercion.decisions', 'down')).toBe('t2.fees.change');
    expect(neighbour(t2, 't2.rules.made', 'up')).toBeUndefined();
  });

  it('plans a paste cell for cell, ignoring a pasted total and what falls off the table', () => {
    const t4 = gridModel(format2021, table(format2021, 't4'));
    const block = parseClipboard('1\t2\t0\t0\t3\t9\r\n');
    const plan = pastePlan(t4, 't4.review.maintained', block);
    expect(plan.writes.map((w) => `${w.id}=${w.text}`)).toEqual([
      't4.review.maintained=1',
      't4.review.corrected=2',
      't4.review.other=0',
      't4.review.pending=0',
      't4.litigation_direct.maintained=9',
    ]);
    expect(plan.skipped).toBe(0);
    expect(pastePlan(t4, 't4.litigation_after_review.pending', parseClipboard('1\t2\t3')).skipped).toBe(1);
  });

  it('leaves out the header rows and row-label columns a block was copied with, and keeps blanks blank', () => {
    const t3 = gridModel(format2021, table(format2021, 't3'));
    const block = parseClipboard(
      [
        '\t\t\t申请人情况',
        '\t\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
        '一、本年新收政府信息公开申请数量\t\t\t5\t\t1\t0\t0\t0\t99',
      ].join('\n'),
    );
    const plan = pastePlan(t3, 't3.new_received.natural_person', block);
    expect(plan.dropped).toEqual({ rows: 2, columns: 3 });
    expect(plan.writes.map((w) => `${w.id}=${w.text}`)).toEqual([
      't3.new_received.natural_person=5',
      't3.new_received.commercial=',
      't3.new_received.research=1',
      't3.new_received.social_welfare=0',
      't3.new_received.legal_services=0',
      't3.new_received.other_org=0',
    ]);
    expect(plan.skipped).toBe(0);
    expect(plan.totals).toEqual([{ id: 't3.new_received.total', text: '99' }]);
  });

  it('counts no blank as unreadable, on a total or past the table’s edge', () => {
    const t4 = gridModel(format2021, table(format2021, 't4'));
    const plan = pastePlan(t4, 't4.review.maintained', parseClipboard('1\t\t0\t0\t\t9'));
    expect(plan.skipped).toBe(0);
    expect(plan.totals).toEqual([]);
    const edge = pastePlan(t4, 't4.litigation_after_review.pending', parseClipboard('1\t\t\t'));
    expect(edge.skipped).toBe(0);
  });
});
