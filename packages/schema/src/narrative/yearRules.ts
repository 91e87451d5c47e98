/**
 * Comparisons with last year's report: Y-JUMP (a total that grew above 5× or fell below 0.2×) and
 * Y-COPY (a narrative block that mostly repeats last year's text). Both are warnings: a jump may be
 * real and a repeated sentence may be right, but evaluators ask about both.
 */
import { blockName, cellIndex, cellName, findTable, leaves, narrativeBlocks } from '../cells.ts';
import { getFormat } from '../formats/index.ts';
import type { Finding } from '../rules.ts';
import type { FormatDef, Label, MatrixTable, ReportData } from '../types.ts';
import { amountUnits, countOf } from '../values.ts';
import { keptByText } from './keptByText.ts';
import type { Lang } from './types.ts';

const GROWTH = 5;
const FALL = 0.2;
/** Totals at or below this in both years are too small for a ratio to mean anything. */
const SMALL = 10;
/** Share of a block's text found in last year's narrative above which Y-COPY warns. */
const COPY_SHARE = 0.5;
/** Character n-grams: long enough that set phrases (政府信息公开) alone do not make a copy. */
const GRAM = 8;
/** Blocks shorter than this (「暂无其他需要说明的事项。」) may well be the same every year. */
const MIN_CHARS = 40;

interface Total {
  cells: string[];
  name: Label;
  amount: boolean;
}

/** The totals Y-JUMP compares: new requests, each result group, reviews, lawsuits, table 二's decisions and fees. */
function jumpTotals(format: FormatDef): Total[] {
  const index = cellIndex(format);
  const name = (cells: string[], label?: Label): Label =>
    label ?? {
      zh: cells.map((c) => cellName(index.get(c)!, 'zh')).join(' + '),
      en: cells.map((c) => cellName(index.get(c)!, 'en')).join(' + '),
    };
  const t3 = findTable(format, 't3') as MatrixTable;
  const results = t3.rows!.find((r) => r.id === 'results')!;
  const out: Total[] = [
    { cells: ['t3.new_received.total'], name: name(['t3.new_received.total']), amount: false },
  ];
  for (const group of results.children!) {
    if (group.total) continue;
    const cells = leaves([group]).map((l) => `t3.${l.id}.total`);
    out.push({
      cells,
      name:
        cells.length === 1
          ? name(cells)
          : { zh: `${results.label.zh} / ${group.label.zh}`, en: `${results.label.en} / ${group.label.en}` },
      amount: false,
    });
  }
  out.push({ cells: ['t4.review.total'], name: name(['t4.review.total']), amount: false });
  const lawsuits = ['t4.litigation_direct.total', 't4.litigation_after_review.total'];
  out.push({ cells: lawsuits, name: name(lawsuits), amount: false });
  for (const row of ['licensing', 'penalty', 'coercion']) {
    const id = `t2.${row}.decisions`;
    if (index.has(id)) out.push({ cells: [id], name: name([id]), amount: false });
  }
  if (index.has('t2.fees.amount_wan_yuan'))
    out.push({ cells: ['t2.fees.amount_wan_yuan'], name: name(['t2.fees.amount_wan_yuan']), amount: true });
  return out;
}

function totalValue(total: Total, data: ReportData): number {
  // Amounts in 万元 as exact units turned to a number only for the ratio.
  if (total.amount) return Number(total.cells.reduce((s, c) => s + amountUnits(data.cells[c]), 0n)) / 10000;
  return total.cells.reduce((s, c) => s + countOf(data.cells[c]), 0);
}

export function jumpFindings(format: FormatDef, data: ReportData, previous: ReportData): Finding[] {
  const before = cellIndex(getFormat(previous.format));
  const out: Finding[] = [];
  for (const total of jumpTotals(format)) {
    if (!total.cells.every((c) => before.has(c))) continue;
    const now = totalValue(total, data);
    const then = totalValue(total, previous);
    if (Math.max(now, then) <= SMALL) continue;
    const grew = then === 0 || now / then > GROWTH;
    const fell = now / then < FALL;
    if (!grew && !fell) continue;
    const ratio = then === 0 ? '' : ` (${(now / then).toFixed(1)}×)`;
    out.push({
      rule: 'Y-JUMP',
      level: 'warning',
      cells: total.cells,
      expected: String(then),
      actual: String(now),
      message: {
        zh: `「${total.name.zh}」从${previous.year}年度的 ${then} ${grew ? '增至' : '降至'} ${now}${ratio.replace('×', '倍')}，变化异常；请核对数字，如属实请在报告中说明原因。`,
        en: `"${total.name.en}" ${grew ? 'rose' : 'fell'} from ${then} in ${previous.year} to ${now}${ratio}; check the figure, and if it is right explain the change in the report.`,
      },
    });
  }
  return out;
}

/** The text with figures, dates and everything but letters removed: what is left is the wording. */
function wording(text: string): string {
  return text
    .replace(/[0-9０-９零〇一二两三四五六七八九十百千万.,，%％]+\s*(?:年|月|日|号)?/g, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

function grams(text: string): string[] {
  // By UTF-16 units where each character is one (nearly every report), else by code points.
  const chars = /[\uD800-\uDFFF]/.test(text) ? [...text] : text;
  const out: string[] = [];
  for (let i = 0; i + GRAM <= chars.length; i++)
    out.push(typeof chars === 'string' ? chars.slice(i, i + GRAM) : chars.slice(i, i + GRAM).join(''));
  return out;
}

const previousGrams = new WeakMap<ReportData, Record<Lang, Set<string>>>();

function gramsOfReport(previous: ReportData): Record<Lang, Set<string>> {
  let sets = previousGrams.get(previous);
  if (!sets) {
    sets = { zh: new Set(), en: new Set() };
    for (const block of Object.values(previous.narrative))
      for (const lang of ['zh', 'en'] as const)
        for (const g of grams(wording(block[lang] ?? ''))) sets[lang].add(g);
    previousGrams.set(previous, sets);
  }
  return sets;
}

/** Share of a text's wording found in last year's, or undefined when too short to tell. */
function repeatedShare(text: string, lang: Lang, previous: ReportData): number | undefined {
  const mine = grams(wording(text));
  if (mine.length + GRAM - 1 < MIN_CHARS) return undefined;
  const before = gramsOfReport(previous)[lang];
  return mine.filter((g) => before.has(g)).length / mine.length;
}

/** Shares kept by text for each previous report (the server keeps one parsed object per version). */
const shares = keptByText<ReportData, number | undefined>(256);

export function copyFindings(format: FormatDef, data: ReportData, previous: ReportData): Finding[] {
  const out: Finding[] = [];
  // The opening statement is standard wording that every year repeats on purpose.
  for (const block of narrativeBlocks(format).filter((b) => b.role !== 'opening')) {
    for (const lang of ['zh', 'en'] as const) {
      const text = data.narrative[block.id]?.[lang] ?? '';
      const repeated = shares(previous, `${lang}\u0000${text}`, () => repeatedShare(text, lang, previous));
      if (repeated === undefined || repeated <= COPY_SHARE) continue;
      const name = blockName(format, block);
      const percent = Math.round(repeated * 100);
      out.push({
        rule: 'Y-COPY',
        level: 'warning',
        cells: [],
        actual: `${percent}%`,
        message: {
          zh: `「${name.zh}」${lang === 'en' ? '的英文' : ''}有 ${percent}% 的文字与${previous.year}年度报告相同；请按本年度的工作重写。`,
          en: `${percent}% of the ${lang === 'en' ? 'English' : 'Chinese'} text of "${name.en}" repeats the ${previous.year} report; rewrite it for this year's work.`,
        },
        range: { block: block.id, lang, start: 0, end: text.length },
      });
    }
  }
  return out;
}
