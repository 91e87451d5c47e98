/**
 * The figures a narrative states: Arabic numerals with or without thousands separators (1,234),
 * decimals, the 万 multiplier (1.2万件) and Chinese numerals (四十八件, 一千二百三十四件), each with its
 * unit and where it stands in the text.
 */

/** What a figure counts, by the unit written after it. */
export type FigureUnit = 'count' | 'wanYuan' | 'yuan' | 'percent' | 'none';

export interface Figure {
  /** The value in the figure's unit; amounts are exact decimal strings, never floats. */
  value: string;
  unit: FigureUnit;
  /** The figure with its unit, as written: 「四十八件」, 「12.35万元」. */
  text: string;
  start: number;
  end: number;
}

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 四十八 → 48, 一千零五 → 1005, 十二 → 12, 三万二千 → 32000; undefined when it is not a numeral. */
export function chineseNumeral(text: string): number | undefined {
  if (text === '') return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in DIGIT) {
      digit = DIGIT[ch]!;
    } else if (ch in SMALL_UNIT) {
      section += (digit ?? 1) * SMALL_UNIT[ch]!;
      digit = undefined;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = undefined;
    } else {
      return undefined;
    }
  }
  return total + section + (digit ?? 0);
}

/** Multiplies a decimal string by 10⁴ without floats (1.2 → 12000). */
function timesTenThousand(decimal: string): string {
  const [int, frac = ''] = decimal.split('.');
  const shifted = `${int}${frac.padEnd(4, '0').slice(0, 4)}`;
  const rest = frac.slice(4);
  const whole = shifted.replace(/^0+(?=\d)/, '');
  return rest ? `${whole}.${rest}` : whole;
}

const ARABIC = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const CHINESE = '[零〇一二两三四五六七八九十百千万]+';
/** Units of the figures the rules compare; 条/次/人 count things no table holds. */
const UNIT = String.raw`万元|元|件|宗|起|个|项|%|％|percent\b|per cent\b`;
const FIGURE = new RegExp(
  String.raw`(?<![\d.,])(${ARABIC})(?!\d|,\d|\.\d)(\s*万)?(?!\s*[年月日号])\s*(${UNIT})?|(${CHINESE})\s*(${UNIT})`,
  'g',
);

function unitOf(unit: string | undefined): FigureUnit {
  if (!unit) return 'none';
  if (unit === '万元') return 'wanYuan';
  if (unit === '元') return 'yuan';
  if (/^(%|％|per)/.test(unit)) return 'percent';
  return 'count';
}

/**
 * Every figure in a text. Arabic numerals without a unit are kept (English writes 「48 new
 * requests」); Chinese numerals only with a unit, so that 一是 or 三审三校 are not figures.
 */
export function findFigures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const start = m.index;
    let value: string;
    let unit: FigureUnit;
    if (m[1] !== undefined) {
      const plain = m[1].replaceAll(',', '');
      value = m[2] ? timesTenThousand(plain) : plain;
      unit = unitOf(m[3]);
      // 「1.2万元」 is 1.2 of the 万元 unit, not 12,000 元.
      if (m[2] && unit === 'yuan') {
        value = plain;
        unit = 'wanYuan';
      }
    } else {
      // 「万元」 alone is a unit, not a numeral.
      const n = /[零〇一二两三四五六七八九十]/.test(m[4]!) ? chineseNumeral(m[4]!) : undefined;
      if (n === undefined) continue;
      value = String(n);
      unit = unitOf(m[5]);
    }
    out.push({ value, unit, text: m[0], start, end: start + m[0].length });
  }
  return out;
}
