import { describe, expect, it } from 'vitest';
import { chineseNumeral, findFigures } from './figures.ts';

describe('chineseNumeral', () => {
  it.each([
    ['四十八', 48],
    ['十二', 12],
    ['一百零五', 105],
    ['一千二百三十四', 1234],
    ['三万二千', 32000],
    ['两', 2],
    ['零', 0],
  ])('%s = %d', (text, value) => expect(chineseNumeral(text)).toBe(value));
});

describe('findFigures', () => {
  const found = (text: string) => findFigures(text).map((f) => [f.value, f.unit, f.text]);

  it('reads Chinese numerals, thousands separators and the 万 multiplier', () => {
    expect(found('新收申请四十八件，共1,234件，另有1.2万件')).toEqual([
      ['48', 'count', '四十八件'],
      ['1234', 'count', '1,234件'],
      ['12000', 'count', '1.2万件'],
    ]);
  });

  it('keeps amounts exact and tells 万元 from 元 and shares', () => {
    expect(found('收费12.35万元，通知金额200元，占33.9%')).toEqual([
      ['12.35', 'wanYuan', '12.35万元'],
      ['200', 'yuan', '200元'],
      ['33.9', 'percent', '33.9%'],
    ]);
  });

  it('does not take years, dates, 一是 or 三审三校 for figures', () => {
    expect(found('2023年1月1日起，一是落实三审三校，国令第 711 号')).toEqual([]);
  });

  it('gives where each figure stands', () => {
    const [f] = findFigures('受理申请 21 件。');
    expect(f).toMatchObject({ value: '21', start: 5, end: 9 });
  });
});
