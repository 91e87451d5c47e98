/**
 * The app's own words from the glossary ("Words of the app"), declared once here and shared by the
 * database, the API, the web app, the PDF and the command line: types and zod enums are derived from
 * these lists (`z.enum(REPORT_STATUSES)`), so a status, role or language is spelled and named the same
 * everywhere.
 */
import type { Label } from './types.ts';

export const REPORT_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const ROLES = ['filler', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The languages of the app and of every text in a report. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The ways a report can be printed: one language, or both (Chinese with English beneath). */
export const REPORT_LANGS = [...LANGS, 'zh-en'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

export function isReportLang(value: unknown): value is ReportLang {
  return typeof value === 'string' && (REPORT_LANGS as readonly string[]).includes(value);
}

export const reportStatusLabels: Record<ReportStatus, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  approved: { zh: '已审核', en: 'Approved' },
};

export const roleLabels: Record<Role, Label> = {
  filler: { zh: '填报人', en: 'filler' },
  reviewer: { zh: '审核人', en: 'reviewer' },
  admin: { zh: '管理员', en: 'administrator' },
};

/** A body's report as the parent's desk shows it: no report yet, or returned for changes. */
export const deskStatusLabels: Record<'none' | 'returned' | ReportStatus, Label> = {
  none: { zh: '未填报', en: 'No report' },
  draft: reportStatusLabels.draft,
  returned: { zh: '已退回', en: 'Returned' },
  submitted: reportStatusLabels.submitted,
  approved: reportStatusLabels.approved,
};

/**
 * A label in one language with `vars` put into its `{name}` places; `{n|one|other}` chooses the
 * English singular or plural by the number `n` (Chinese needs no plural).
 */
export function say(word: Label, lang: Lang, vars: Record<string, string | number> = {}): string {
  return word[lang]
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, k: string, one: string, other: string) =>
      Number(vars[k]) === 1 ? one : other,
    )
    .replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
