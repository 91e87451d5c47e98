/**
 * Table 四's figures when raw pdftotext does not give them in column order: it often sets each
 * group's 总计 apart from the group's other figures (「72 64 178 37 … 总计 351」). The readings
 * tried keep the other figures in column order and the 总计 in column order among themselves, but
 * let the 总计 stand anywhere after their parts; a reading is kept only when every R4-SUM holds on
 * it, no other such reading gives other values, and no two groups share a 总计 with other figures. Letting the 总计 change places too would confirm readings that
 * swap whole groups (any two groups' figures satisfy R4-SUM under each other's headers), so it is
 * not tried: a figure in the wrong cell is worse than an empty one.
 */
import { type FormatDef, formatCells, type Label } from '@nianbao/schema';
import type { Value } from './segments.ts';

export type ReviewOrder =
  | { values: Map<string, Value>; confirmedBy: 'R4-SUM' }
  /** `none`: no reading keeps R4-SUM; `several`: readings with different values keep it (or would, two groups changing places). */
  | { values: undefined; confirmedBy: undefined; found: 'none' | 'several' };

const amount = (v: Value) => (v.token.type === 'number' ? Number(v.token.value) : 0);

/** `ids`: table 四's cells in column order; `figures`: as many figures, in the order printed. */
export function orderByTotals(format: FormatDef, ids: string[], figures: Value[]): ReviewOrder {
  const sums = formatCells(format)
    .filter((c) => c.computed?.rule === 'R4-SUM' && ids.includes(c.id))
    .map((c) => ({ total: c.id, parts: c.computed!.parts }));
  const totals = ids.filter((id) => sums.some((s) => s.total === id));
  const others = ids.filter((id) => !totals.includes(id));
  const confirmed = new Map<string, Map<string, Value>>();
  let twins = false;
  const place = (positions: number[]) => {
    const at = new Map<string, Value>();
    let other = 0;
    figures.forEach((figure, i) => {
      const t = positions.indexOf(i);
      at.set(t >= 0 ? totals[t]! : others[other++]!, figure);
    });
    const value = (id: string) => amount(at.get(id)!);
    if (!sums.every((s) => s.parts.reduce((sum, p) => sum + value(p), 0) === value(s.total))) return;
    // A 总计 set apart comes after its parts (the 总计 column is the group's last). Two groups with
    // the same 总计 but other figures could have changed places whole (as the 淮安 raw text's
    // 行政诉讼 groups did), which R4-SUM cannot see: then no reading is kept.
    const after = (s: (typeof sums)[number]) =>
      s.parts.every((p) => figures.indexOf(at.get(p)!) < figures.indexOf(at.get(s.total)!));
    if (!sums.every(after)) return;
    const group = (s: (typeof sums)[number]) => [...s.parts, s.total].map(value).join(' ');
    twins ||= sums.some((s, i) =>
      sums.slice(i + 1).some((o) => value(o.total) === value(s.total) && group(o) !== group(s)),
    );
    confirmed.set(ids.map(value).join(' '), at);
  };
  // Every choice of positions for the 总计 (increasing: they keep their column order).
  const choose = (from: number, chosen: number[]) => {
    if (chosen.length === totals.length) return place(chosen);
    for (let i = from; i <= figures.length - (totals.length - chosen.length); i++)
      choose(i + 1, [...chosen, i]);
  };
  if (figures.length === ids.length && totals.length > 0) choose(0, []);
  const [only, ...more] = [...confirmed.values()];
  if (only && more.length === 0 && !twins) return { values: only, confirmedBy: 'R4-SUM' };
  return { values: undefined, confirmedBy: undefined, found: only ? 'several' : 'none' };
}

/** Why table 四's figures, apart from their headers, were not placed in another order either. */
export const ORDERS_TRIED: Record<'none' | 'several', Label> = {
  none: {
    zh: '；按列序排列（各总计可在任意位置）也没有一种读法符合 R4-SUM',
    en: '; no reading in column order (each 总计 anywhere) keeps R4-SUM',
  },
  several: {
    zh: '；按列序排列（各总计可在任意位置）有几种数值不同的读法都符合 R4-SUM',
    en: '; several readings in column order (each 总计 anywhere) with different values keep R4-SUM',
  },
};
