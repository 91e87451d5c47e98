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
const FIELD_LABEL = /^(?:文章)?标题[:：]/;
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
        .join('')
        // A portal's metadata table, or a saved copy of it, labels the title: 「标题：…」.
        .replace(FIELD_LABEL, '');
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
  // The period sentence is often broken over lines: the line where its match begins.
  const pieces = lines.map((l) => compact(l.raw).normalize('NFKC'));
  const m = PERIOD.exec(pieces.join(''));
  if (!m) return undefined;
  let i = 0;
  for (let at = pieces[0]!.length; at <= m.index && i < pieces.length - 1; at += pieces[++i]!.length);
  return { year: Number(m[1]), line: lines[i]?.no ?? lines[0]?.no ?? 1 };
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

/**
 * The year the narrative reports on: a sentence that opens with it (「2023年，…」「2023年度，…」
 * 「2023年以来…」). Only the first such opening counts, and only a plausible report year.
 */
const NARRATIVE_YEAR =
  /^(?:[一二三四五六七八九十]、|[（(][一二三四五六七八九十][）)])?((?:19|20)\d{2})\s*年度?(?:[，,]|以来|我|全年|共|本)/;

export function readNarrativeYear(lines: Line[]): { year: number; line: number; text: string } | undefined {
  for (const line of lines) {
    const text = line.raw.normalize('NFKC').trim();
    const m = NARRATIVE_YEAR.exec(text);
    if (m && Number(m[1]) >= 2019 && Number(m[1]) <= 2100)
      return { year: Number(m[1]), line: line.no, text: text.slice(0, 40) };
  }
  return undefined;
}

/** A year in a file name or address (「hzq2023_working.pdf」): the last resort, and said so. */
export function yearFromName(name: string | undefined): number | undefined {
  if (!name) return undefined;
  const base = name.split(/[\\/]/).pop() ?? name;
  const years = [...base.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)].map((m) => Number(m[1]));
  const plausible = [...new Set(years.filter((y) => y >= 2019 && y <= 2100))];
  return plausible.length === 1 ? plausible[0] : undefined;
}

/**
 * A body named in the text: 「…县发展和改革局…」「…天坛街道办事处…」. Government bodies end in a
 * few words; the longest ending is tried first so that 街道办事处 is not cut to 街道.
 */
const BODY_END =
  '(?:人民政府办公室|人民政府|街道办事处|办事处|管理委员会|委员会|办公室|办公厅|管理局|局|厅|委|署|中心|乡|镇|街道)';
const BODY = new RegExp(`([\\u4e00-\\u9fa5]{2,24}?${BODY_END})(?=[\\u4e00-\\u9fa5，,。（(]|$)`);
/** Words that open a clause and are no part of a name. */
const LEAD = /^(?:本年|全年|今年|本年度|年度|根据|按照|依据|现向社会公布|为|在|由|对|我|本|全)+/;
/** What a name never contains (a verb or a sentence word shows the match ran into a clause). */
const NOT_A_NAME =
  /[的了是将把被]|认真|坚持|深入|全面|不断|积极|围绕|进一步|贯彻|落实|加强|推进|高度|严格|始终|共收到|公开/;

export function readNarrativeOrganisation(
  lines: Line[],
): { organisation: string; line: number; text: string } | undefined {
  for (const line of lines) {
    const text = line.raw.normalize('NFKC').trim();
    // The clause after the year the report covers: 「2023年，天坛街道办事处认真…」.
    const m = /^(?:(?:19|20)\d{2}\s*年度?[，,]\s*)(.*)$/.exec(text);
    if (!m) continue;
    const body = BODY.exec(m[1]!.replace(LEAD, ''));
    if (!body) continue;
    const name = body[1]!;
    if (NOT_A_NAME.test(name)) continue;
    return { organisation: name, line: line.no, text: text.slice(0, 40) };
  }
  return undefined;
}

/** The 发布机构 field of a portal's metadata table (「发布机构 沭阳县发展和改革局」). */
export function readPublisher(lines: Line[]): { organisation: string; line: number } | undefined {
  for (const line of lines) {
    const text = line.raw.normalize('NFKC').replace(/\s+/g, ' ');
    const m =
      /(?:发布机构|发文机关|发布单位|来源)[:：]?\s*([\u4e00-\u9fa5]{2,30}?(?:人民政府|办事处|委员会|局|厅|委|办公室|中心|乡|镇|街道))(?:\s|$)/.exec(
        text,
      );
    if (m) return { organisation: m[1]!, line: line.no };
  }
  return undefined;
}
