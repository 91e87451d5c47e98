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
  printedUnit,
  type ReportData,
  reportTitle,
  type TableDef,
} from '@nianbao/schema';
import { documentLanguage, type Lang, oneLine, type Shown, show } from './lang.ts';
import { assertEnglish } from './MissingEnglishError.ts';

export interface Paragraph {
  lang: 'zh' | 'en';
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
  lang: Lang;
  format: FormatDef;
  title: Shown;
  /** PDF/HTML metadata. */
  meta: { title: string; author: string; subject: string; language: string };
  sections: SectionModel[];
  /** The closing block, right-aligned: organisation and date, per language. */
  closing: { lang: 'zh' | 'en'; lines: string[] }[];
  /** The printed value of a cell: an explicit 0 when empty, the unit when its label names none. */
  value: (cellId: string) => string;
  /** Shows a label in the document's language(s). */
  show: (label: { zh: string; en?: string }) => Shown;
}

function paragraphs(text: string | undefined, lang: 'zh' | 'en'): Paragraph[] {
  if (!text) return [];
  return text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ lang, text: line }));
}

const EN_MONTHS =
  'January February March April May June July August September October November December'.split(' ');

/** `2022-01-20` → 2022年1月20日 / 20 January 2022 (no zero padding, spec §10). */
export function formatDate(iso: string): { zh: string; en: string } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { zh: `${y}年${m}月${d}日`, en: `${d} ${EN_MONTHS[m - 1]} ${y}` };
}

export function buildReportModel(input: ReportData, lang: Lang): ReportModel {
  const format = getFormat(input.format);
  if (lang === 'en') assertEnglish(input, format);
  const report = computeTotals(format, input);
  const cells = cellIndex(format);
  const showIn = (label: { zh: string; en?: string }) => show(label, lang);
  const langs: ('zh' | 'en')[] = lang === 'zh-en' ? ['zh', 'en'] : [lang];

  const sections: SectionModel[] = format.sections.map((section) => {
    const heading = showIn(section.label);
    const narrative = section.narrative.flatMap((block): NarrativeModel[] => {
      const text = report.narrative[block.id];
      if (!text?.zh.trim()) return [];
      return [
        {
          id: block.id,
          heading: block.heading ? showIn(block.label) : undefined,
          paragraphs: langs.flatMap((l) => paragraphs(text[l], l)),
        },
      ];
    });
    return { id: section.id, heading, bookmark: oneLine(heading), narrative, table: section.table };
  });

  const title = showIn(reportTitle(report));
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
      title: oneLine(title),
      author: organisation.main,
      subject: lang === 'en' ? format.basis.en : format.basis.zh,
      language: documentLanguage(lang),
    },
    sections,
    closing,
    value,
    show: showIn,
  };
}
