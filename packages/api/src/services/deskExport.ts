/**
 * The desk as a spreadsheet for a meeting: one row per body, the same columns as the web desk.
 * .xlsx through exceljs; CSV with a BOM so that Excel and WPS open the Chinese correctly.
 *
 * Imports nothing but @nianbao/schema and exceljs, so that a worker thread can load it alone
 * (`@nianbao/api/deskExport`, built to dist/): the server builds big workbooks there.
 */
import { type Db, type DeskQuery, deskPage } from '@nianbao/db';
import { deskStatusLabels, type Label, type Lang } from '@nianbao/schema';
import ExcelJS from 'exceljs';
import { type DeskEntry, deskEntry } from './deskEntry.ts';

/** Rows an export takes at most: beyond, the user is asked to filter. */
const MAX_EXPORT_ROWS = 50_000;

interface DeskExportInput {
  organisation: Label;
  year: number;
  rows: DeskEntry[];
  format: 'xlsx' | 'csv';
  lang: Lang;
}

export interface DeskFile {
  filename: string;
  contentType: string;
  base64: string;
}

const COLUMNS: {
  title: Label;
  width: number;
  value: (r: DeskEntry, lang: Lang) => string | number;
}[] = [
  {
    title: { zh: '机关', en: 'Body' },
    width: 32,
    value: (r, l) => (l === 'en' ? (r.nameEn ?? r.nameZh) : r.nameZh),
  },
  { title: { zh: '层级', en: 'Level' }, width: 6, value: (r) => r.level },
  { title: { zh: '状态', en: 'Status' }, width: 10, value: (r, l) => deskStatusLabels[r.status][l] },
  { title: { zh: '错误', en: 'Errors' }, width: 7, value: (r) => r.errors ?? '' },
  { title: { zh: '提示', en: 'Warnings' }, width: 7, value: (r) => r.warnings ?? '' },
  {
    title: { zh: '最后保存', en: 'Last saved' },
    width: 18,
    value: (r) => r.updatedAt?.slice(0, 16).replace('T', ' ') ?? '',
  },
  { title: { zh: '保存人', en: 'Saved by' }, width: 12, value: (r) => r.updatedBy ?? '' },
  { title: { zh: '提交日期', en: 'Submitted' }, width: 12, value: (r) => r.submittedAt?.slice(0, 10) ?? '' },
  { title: { zh: '审核日期', en: 'Approved' }, width: 12, value: (r) => r.approvedAt?.slice(0, 10) ?? '' },
  { title: { zh: '截止日期', en: 'Deadline' }, width: 12, value: (r) => r.deadline },
  { title: { zh: '剩余天数', en: 'Days left' }, width: 9, value: (r) => r.daysLeft ?? '' },
  { title: { zh: '逾期提交天数', en: 'Days late' }, width: 11, value: (r) => r.daysLate ?? '' },
];

/** A CSV field: quoted when it holds a separator, and never read as a formula by a spreadsheet. */
function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** What an export is asked for: the desk's filters and sort, and the file's kind and language. */
export interface DeskExportJob {
  query: Omit<DeskQuery, 'page' | 'size'>;
  organisation: Label;
  format: 'xlsx' | 'csv';
  lang: Lang;
}

/** The file, or the number of matching rows when there are more than an export takes. */
/** Refused: more rows match than an export takes (`limit`); the router loads no exceljs to say so. */
export type DeskExportResult = { ok: true; file: DeskFile } | { ok: false; total: number; limit: number };

/** Runs an export: in this thread (`exportDesk` on the API's database) or in the server's worker pool. */
export type DeskExporter = (job: DeskExportJob) => Promise<DeskExportResult>;

/** Reads every row of the desk that matches the job's filters and builds its file. */
export async function exportDesk(db: Db, job: DeskExportJob): Promise<DeskExportResult> {
  const { query } = job;
  const { rows, total } = await deskPage(db, { ...query, page: 1, size: MAX_EXPORT_ROWS + 1 });
  if (total > MAX_EXPORT_ROWS) return { ok: false, total, limit: MAX_EXPORT_ROWS };
  const file = await deskExport({
    organisation: job.organisation,
    year: query.year,
    rows: rows.map((r) => deskEntry(r, query.today)),
    format: job.format,
    lang: job.lang,
  });
  return { ok: true, file };
}

async function deskExport(input: DeskExportInput): Promise<DeskFile> {
  const { lang } = input;
  const base = `${input.organisation[lang]}-${input.year}-${lang === 'zh' ? '报告进度' : 'progress'}`;
  if (input.format === 'csv') {
    const lines = [COLUMNS.map((c) => csvField(c.title[lang])).join(',')];
    for (const row of input.rows) lines.push(COLUMNS.map((c) => csvField(c.value(row, lang))).join(','));
    return {
      filename: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      base64: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8').toString('base64'),
    };
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(String(input.year));
  sheet.columns = COLUMNS.map((c) => ({ header: c.title[lang], width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of input.rows) sheet.addRow(COLUMNS.map((c) => c.value(row, lang)));
  const buffer = await book.xlsx.writeBuffer();
  return {
    filename: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(buffer as ArrayBuffer).toString('base64'),
  };
}
