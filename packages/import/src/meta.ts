/**
 * The organisation and year from the title (「<机关全称><YYYY>年政府信息公开工作年度报告」, which a
 * PDF may break over two lines), or the year from the statistics period of the preamble.
 */
import { reportTitle } from '@nianbao/schema';
import { isPageNumber, type Line } from './lines.ts';
import { normaliseLabel } from './normalise.ts';

export interface TitleRead {
  organisation: string;
  year: number;
  printed: string;
  line: number;
}

const YEAR = '((?:19|20)\\d{2}|[二][〇零○][一二三四五六七八九〇零○]{2})';
/** 「<机关><年>年政府信息公开工作年度报告」, the year also in Chinese numerals (二〇二三). */
const TITLE = new RegExp(`^(.{0,60}?)${YEAR}年度?政府信息公开(?:工作)?(?:年度)?(?:报告|年报)$`);
/** The year first: 「<年>年<机关>政府信息公开工作年度报告」. */
const TITLE_YEAR_FIRST = new RegExp(`^${YEAR}年度?(.{2,60}?)政府信息公开(?:工作)?(?:年度)?(?:报告|年报)$`);
const PERIOD = /((?:19|20)\d{2})年1月1日(?:起)?至(?:\1年)?12月31日/;

const DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  '○': '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const yearOf = (text: string) => Number([...text].map((c) => DIGITS[c] ?? c).join(''));

const compact = (raw: string) => raw.replace(/[\s\u00a0\u3000\f]+/g, '');

export function readTitle(lines: Line[]): TitleRead | undefined {
  const text = lines.filter((l) => !l.tableRow && compact(l.raw) !== '');
  // A title on one line first; only then one broken over two (organisation, then year and the rest).
  for (const span of [1, 2]) {
    for (let i = 0; i + span <= text.length; i++) {
      const candidate = text
        .slice(i, i + span)
        .map((l) => compact(l.raw))
        .join('');
      const m = TITLE.exec(candidate);
      if (m && m[1]!.length >= 2)
        return { organisation: m[1]!, year: yearOf(m[2]!), printed: candidate, line: text[i]!.no };
      const y = TITLE_YEAR_FIRST.exec(candidate);
      if (y) return { organisation: y[2]!, year: yearOf(y[1]!), printed: candidate, line: text[i]!.no };
    }
  }
  return undefined;
}

export function readPeriodYear(lines: Line[]): { year: number; line: number } | undefined {
  for (const line of lines) {
    const m = PERIOD.exec(compact(line.raw).normalize('NFKC'));
    if (m) return { year: Number(m[1]), line: line.no };
  }
  // The period sentence is often broken over lines.
  const joined = lines.map((l) => compact(l.raw).normalize('NFKC')).join('');
  const m = PERIOD.exec(joined);
  return m ? { year: Number(m[1]), line: lines[0]?.no ?? 1 } : undefined;
}

/** Whether the title reads exactly as the official form for this organisation and year. */
export function titleIsOfficial(title: TitleRead): boolean {
  return (
    normaliseLabel(title.printed) ===
    normaliseLabel(reportTitle({ organisation: { zh: title.organisation }, year: title.year }).zh)
  );
}

const DATE = /^((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$/;

/** The closing block (organisation, date) at the end of the last section, if there is one. */
export function readClosing(
  lines: Line[],
  organisation: string | undefined,
): { date?: string; from: number } {
  const content = lines.filter((l) => compact(l.raw) !== '' && !isPageNumber(l.raw));
  const last = content[content.length - 1];
  const m = last && DATE.exec(compact(last.raw).normalize('NFKC'));
  // A closing block may be the organisation's name alone.
  if (last && !m && organisation && compact(last.raw) === compact(organisation))
    return { from: lines.indexOf(last) };
  if (!last || !m) return { from: lines.length };
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  let from = lines.indexOf(last);
  const before = content[content.length - 2];
  const name = before && compact(before.raw);
  if (before && name && (name === organisation || (name.length <= 30 && !/[，。；,;]/.test(name))))
    from = lines.indexOf(before);
  return { date, from };
}
