/**
 * `pnpm nianbao check <file…> [--lang zh|en] [--json] [--previous <last-year.json>] [--year <YYYY>] [--org <机关名称>]`
 * The findings of the rules for published reports (PDF, text, HTML — imported first) or report
 * JSON files; a supervising office can pass every unit's report at once. Exit code 1 when any
 * file has an error or cannot be read, 2 for wrong usage.
 */
import { readFile } from 'node:fs/promises';
import { findingLine, summaryLine, unreadLine } from '@nianbao/import';
import { checkFile, type FileCheck, ImportError } from '@nianbao/import/node';
import { type Lang, parseReport, type ReportData } from '@nianbao/schema';
import { commandArgs } from '../args.ts';

const USAGE =
  'usage: pnpm nianbao check <file.pdf|.txt|.html|.json> … [--lang zh|en] [--json] [--previous <last-year.json>] [--year <YYYY>] [--org <机关名称>]';

async function loadPrevious(path: string): Promise<ReportData> {
  const parsed = parseReport(JSON.parse(await readFile(path, 'utf8')), { draft: true });
  if (!parsed.ok) throw new Error(`${path}: ${parsed.issues.map((i) => i.message.en).join('; ')}`);
  return parsed.data;
}

function printCheck(check: FileCheck, lang: Lang): void {
  const who = [check.organisation, check.year].filter((v) => v !== undefined).join(' ');
  console.log(`${check.file}${who ? ` — ${who}` : ''}${check.format ? ` (${check.format})` : ''}`);
  for (const finding of check.findings) console.log(`  ${findingLine(finding, lang)}`);
  for (const note of check.unread) console.log(`  ${unreadLine(note, lang)}`);
  console.log(`  ${summaryLine(check.findings, lang)}`);
}

export async function run(args: string[]): Promise<number> {
  const parsed = commandArgs(
    'check',
    USAGE,
    args,
    {
      lang: { type: 'string' },
      json: { type: 'boolean' },
      previous: { type: 'string' },
      year: { type: 'string' },
      org: { type: 'string' },
    },
    { positionals: true },
  );
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  const lang = values.lang ?? 'zh';
  const year = values.year === undefined ? undefined : Number(values.year);
  if (
    positionals.length === 0 ||
    (lang !== 'zh' && lang !== 'en') ||
    (year !== undefined && !Number.isInteger(year))
  ) {
    console.error(USAGE);
    return 2;
  }
  const previous = typeof values.previous === 'string' ? await loadPrevious(values.previous) : undefined;
  const checks: (FileCheck | { file: string; error: { zh: string; en: string } })[] = [];
  for (const file of positionals) {
    try {
      checks.push(await checkFile(file, { previous, year, organisation: values.org as string | undefined }));
    } catch (error) {
      const detail =
        error instanceof ImportError
          ? error.detail
          : { zh: (error as Error).message, en: (error as Error).message };
      checks.push({ file, error: detail });
    }
  }
  if (values.json) console.log(JSON.stringify(checks, null, 2));
  else {
    for (const check of checks) {
      if ('error' in check)
        console.log(`${check.file}\n  ${lang === 'zh' ? '无法读取' : 'cannot read'}: ${check.error[lang]}`);
      else printCheck(check, lang);
    }
  }
  const failed = checks.some((c) => 'error' in c || c.findings.some((f) => f.level === 'error'));
  return failed ? 1 : 0;
}
