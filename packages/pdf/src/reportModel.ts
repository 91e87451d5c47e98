/**
 * What a report prints in one language, resolved once and shared by the PDF and the HTML so that
 * both show the same words and figures. Tables stay as the format's definitions: each renderer
 * draws them from the header trees.
 */
import {
  cellIndex,
  computeTotals,
  displayValue,
  type FormatDef,
  getFormat,
  type Lang,
  type NarrativeBlock,
  printedUnit,
  type ReportData,
  type ReportLang,
  reportTitle,
  type TableDef,
} from '@nianbao/schema';
import { documentLanguage, oneLine, type Shown, show } from './lang.ts';
import { assertEnglish } from './MissingEnglishError.ts';

export interface Paragraph {
  lang: Lang;
  text: string;
}

export interface NarrativeModel {
  id: string;
  heading?: Shown;
  paragraphs: Paragraph[];
}

export interface SectionModel {
  id: string;
  heading: Shown;
  /** The outline entry of the section. */
  bookmark: string;
  narrative: NarrativeModel[];
  table?: TableDef;
}

export interface ReportModel {
  lang: ReportLang;
  format: FormatDef;
  title: Shown;
  /** PDF/HTML metadata. */
  meta: { title: string; author: string; subject: string; language: string };
  /** The opening statement, printed between the title and 一 (empty when not written). */
  opening: NarrativeModel[];
  sections: SectionModel[];
  /** The closing block, right-aligned: organisation and date, per language. */
  closing: { lang: Lang; lines: string[] }[];
  /** The printed value of a cell: an explicit 0 when empty, the unit when its label names none. */
  value: (cellId: string) => string;
  /** Shows a label in the document's language(s). */
  show: (label: { zh: string; en?: string }) => Shown;
}

const HAN = '\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF';
const SPACE_AT_HAN_EDGE = new RegExp(`(?<=[${HAN}]) +(?=[^${HAN} ])|(?<=[^${HAN} ]) +(?=[${HAN}])`, 'gu');
const SPACE_BETWEEN_HAN = new RegExp(`(?<=[${HAN}]) +(?=[${HAN}])`, 'gu');

/**
 * Chinese text is set solid and justified. A space next to a figure (「信息数 900 余条」, common
 * in text pasted from Word) is dropped; a space between Chinese words (after an inline heading)
 * becomes a full-width space. Left as ASCII spaces they would take all of a justified line's
 * slack and open wide gaps.
 */
export function setSolid(text: string): string {
  return text.replace(SPACE_AT_HAN_EDGE, '').replace(SPACE_BETWEEN_HAN, '\u3000');
}

function paragraphs(text: string | undefined, lang: Lang): Paragraph[] {
  if (!text) return [];
  return text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ lang, text: lang === 'zh' ? setSolid(line) : line }));
}

/** Characters of the 22 pt title that fit on one line of the text block. */
const TITLE_LINE = 20;

/**
 * The title breaks after the organisation when it does not fit on one line, so that the name
 * and 「YYYY年政府信息公开工作年度报告」 each stay whole (GB/T 9704: a title keeps words intact).
 */
function titleText(title: Shown, organisation: string): Shown {
  const fits = [...title.main].length <= TITLE_LINE;
  if (fits || !title.main.startsWith(organisation) || title.main === organisation) return title;
  return { ...title, main: `${organisation}\n${title.main.slice(organisation.length)}` };
}

const EN_MONTHS =
  'January February March April May June July August September October November December'.split(' ');

/** `2022-01-20` → 2022年1月20日 / 20 January 2022 (no zero padding, docs/formats.md §10). */
export function formatDate(iso: string): { zh: string; en: string } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { zh: `${y}年${m}月${d}日`, en: `${d} ${EN_MONTHS[m - 1]} ${y}` };
}

export function buildReportModel(input: ReportData, lang: ReportLang): ReportModel {
  const format = getFormat(input.format);
  if (lang === 'en') assertEnglish(input, format);
  const report = computeTotals(format, input);
  const cells = cellIndex(format);
  const showIn = (label: { zh: string; en?: string }) => show(label, lang);
  const langs: Lang[] = lang === 'zh-en' ? ['zh', 'en'] : [lang];

  const blockModel = (block: NarrativeBlock): NarrativeModel[] => {
    const text = report.narrative[block.id];
    if (!text?.zh.trim()) return [];
    return [
      {
        id: block.id,
        heading: block.heading ? showIn(block.label) : undefined,
        paragraphs: langs.flatMap((l) => paragraphs(text[l], l)),
      },
    ];
  };
  const opening = format.sections.flatMap((s) => s.narrative.filter((b) => b.role === 'opening'));
  const sections: SectionModel[] = format.sections.map((section) => {
    const heading = showIn(section.label);
    const narrative = section.narrative.filter((b) => b.role !== 'opening').flatMap(blockModel);
    return { id: section.id, heading, bookmark: oneLine(heading), narrative, table: section.table };
  });

  const title = titleText(showIn(reportTitle(report)), lang === 'en' ? '' : report.organisation.zh);
  const organisation = show(report.organisation, lang);
  const date = report.date ? formatDate(report.date) : undefined;
  const closing = langs.map((l) => ({
    lang: l,
    lines: [
      l === 'zh' ? report.organisation.zh : report.organisation.en?.trim() || report.organisation.zh,
    ].concat(date ? [date[l]] : []),
  }));

  const value = (id: string): string => {
    const shown = displayValue(report.cells[id]);
    const cell = cells.get(id);
    const unit = cell && printedUnit(cell.kind, cell.columnLabel);
    if (!unit) return shown;
    return lang === 'en' ? `${shown} (${unit.en})` : `${shown}${unit.zh}`;
  };

  return {
    lang,
    format,
    title,
    meta: {
      title: oneLine(title).replace('\n', ''),
      author: organisation.main,
      subject: lang === 'en' ? format.basis.en : format.basis.zh,
      language: documentLanguage(lang),
    },
    opening: opening.flatMap(blockModel),
    sections,
    closing,
    value,
    show: showIn,
  };
}
