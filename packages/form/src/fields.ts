/**
 * How report data maps onto react-hook-form fields. Cell and block ids contain dots, which
 * react-hook-form reads as nesting, so they are encoded; inputs hold the text as typed.
 */
import type { Lang } from '@nianbao/schema';
import {
  type CellKind,
  type FormatDef,
  formatCells,
  narrativeBlocks,
  type ReportData,
} from '@nianbao/schema';

export interface FormValues {
  organisationEn: string;
  date: string;
  cells: Record<string, string>;
  narrative: Record<string, { zh: string; en: string }>;
}

const encode = (id: string) => id.replaceAll('.', '~');

export const cellField = (id: string) => `cells.${encode(id)}` as const;
export const narrativeField = (id: string, lang: Lang) => `narrative.${encode(id)}.${lang}` as const;

export function toFormValues(format: FormatDef, data: ReportData): FormValues {
  const cells: FormValues['cells'] = {};
  for (const cell of formatCells(format)) {
    if (cell.computed) continue;
    const value = data.cells[cell.id];
    cells[encode(cell.id)] = value === null || value === undefined ? '' : String(value);
  }
  const narrative: FormValues['narrative'] = {};
  for (const block of narrativeBlocks(format)) {
    const text = data.narrative[block.id];
    narrative[encode(block.id)] = { zh: text?.zh ?? '', en: text?.en ?? '' };
  }
  return { organisationEn: data.organisation.en ?? '', date: data.date ?? '', cells, narrative };
}

/** What a cell may hold at any point while it is typed (a lone minus sign, a trailing point). */
const typing: Record<CellKind, RegExp> = {
  count: /^\d{0,15}$/,
  signedCount: /^-?\d{0,15}$/,
  amount: /^\d{0,12}(\.\d{0,4})?$/,
};

export function acceptsWhileTyping(kind: CellKind, text: string): boolean {
  return typing[kind].test(text);
}

const allowedChar: Record<CellKind, RegExp> = { count: /\d/, signedCount: /[\d-]/, amount: /[\d.]/ };

/** The characters of `text` that a cell of this kind never takes, to name them when refusing. */
export function refusedChars(kind: CellKind, text: string): string {
  return [...new Set([...text].filter((c) => !allowedChar[kind].test(c)))].join('');
}

/** A cell's value from its text: an empty cell is null (it counts as 0). */
export function cellValue(kind: CellKind, text: string): number | string | null {
  const t = text.trim();
  if (t === '' || t === '-' || t === '.') return null;
  if (kind === 'amount') {
    if (!typing.amount.test(t)) return t;
    const trimmed = t.endsWith('.') ? t.slice(0, -1) : t;
    return trimmed.startsWith('.') ? `0${trimmed}` : trimmed.replace(/^0+(?=\d)/, '');
  }
  return typing[kind].test(t) ? Number(t) : t;
}

const FULL_WIDTH_DIGIT = /[０-９．－]/g;

/** Text typed or pasted with a Chinese IME: full-width digits, point and minus as ASCII ones. */
export function halfWidth(raw: string): string {
  return raw
    .trim()
    .replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u2212/g, '-');
}

/**
 * A value pasted from Excel, WPS or a Word table as the text a cell would hold, or undefined when it
 * is not a value of this kind. Separators, full-width digits and the blanks written as `-`, `—`
 * or `/` in published tables are understood.
 */
export function pastedText(kind: CellKind, raw: string): string | undefined {
  let t = halfWidth(raw).replace(/[,，\s]/g, '');
  if (/^[-—–/／]?$/.test(t)) return '';
  if (kind === 'amount') t = t.replace(/(万元|元)$/, '');
  if (!typing[kind].test(t)) return undefined;
  const value = cellValue(kind, t);
  return value === null ? '' : String(value);
}

/** The report from the form's values; a blank cell stays null (blank is not 0, until saved as 0 on purpose). */
export function fromFormValues(format: FormatDef, base: ReportData, values: FormValues): ReportData {
  const cells: ReportData['cells'] = {};
  for (const cell of formatCells(format)) {
    if (cell.computed) continue;
    cells[cell.id] = cellValue(cell.kind, values.cells[encode(cell.id)] ?? '');
  }
  const narrative: ReportData['narrative'] = {};
  for (const block of narrativeBlocks(format)) {
    const text = values.narrative[encode(block.id)];
    const zh = text?.zh ?? '';
    const en = text?.en ?? '';
    if (zh === '' && en === '' && !block.required) continue;
    narrative[block.id] = en === '' ? { zh } : { zh, en };
  }
  const organisation = {
    zh: base.organisation.zh,
    ...(values.organisationEn.trim() ? { en: values.organisationEn.trim() } : {}),
  };
  const data: ReportData = { format: base.format, year: base.year, organisation, narrative, cells };
  if (values.date) data.date = values.date;
  // Kept in the store only (CarryOver.tsx), not in a form field.
  if (base.carryNote) data.carryNote = base.carryNote;
  return data;
}
