/**
 * `pnpm nianbao import <file.pdf|.txt|.md|.html|.docx> [-o <report.json>] [--year <YYYY>] [--org <机关名称>] [--json] [--lang zh|en]`
 * The report data on standard output or in the -o file; what the layout shows wrong, what could not
 * be read, where year and body came from and which rules confirm each table on standard error.
 * `--json` prints all of that as one JSON object instead (the data too, unless -o takes it).
 */
import { writeFile } from 'node:fs/promises';
import {
  checkImported,
  findingLine,
  type ImportResult,
  migrationLines,
  type TableReading,
  unreadLine,
} from '@nianbao/import';
import { ImportError, importFile } from '@nianbao/import/node';
import type { Lang } from '@nianbao/schema';
import { commandArgs } from '../args.ts';

const USAGE =
  'usage: pnpm nianbao import <file.pdf|.txt|.md|.html|.docx> [-o <report.json>] [--year <YYYY>] [--org <机关名称>] [--json] [--lang zh|en]';

const SOURCES: Record<string, { zh: string; en: string }> = {
  option: { zh: '命令行参数', en: 'command-line option' },
  title: { zh: '标题', en: 'title' },
  period: { zh: '统计期限', en: 'statistics period' },
  narrative: { zh: '正文开头', en: 'opening sentence' },
  name: { zh: '文件名', en: 'file name' },
  publisher: { zh: '发布机构', en: 'publisher field' },
  closing: { zh: '落款', en: 'signature' },
  year: { zh: '年度', en: 'the year' },
};

function provenanceLine(result: ImportResult, lang: Lang): string {
  const { year, organisation, format } = result.provenance;
  const from = (p: { source: string; line?: number }) =>
    `${SOURCES[p.source]![lang]}${p.line === undefined ? '' : lang === 'zh' ? `，第 ${p.line} 行` : `, line ${p.line}`}`;
  return lang === 'zh'
    ? `年度 ${year.value}（${from(year)}）；机关 ${organisation.value}（${from(organisation)}）；格式 ${format.value}${format.printed ? `（印制为 ${format.printed} 版式）` : ''}；输入 ${result.provenance.form}`
    : `year ${year.value} (${from(year)}); body ${organisation.value} (${from(organisation)}); format ${format.value}${format.printed ? ` (printed in the ${format.printed} layout)` : ''}; input ${result.provenance.form}`;
}

function readingLine(reading: TableReading, lang: Lang): string {
  const rules = reading.confirmedBy.join(', ') || (lang === 'zh' ? '无' : 'none');
  const failed = reading.failedRules.length > 0 ? reading.failedRules.join(', ') : '';
  return lang === 'zh'
    ? `${reading.table}：按${reading.method === 'labels' ? '行标签' : reading.method === 'columns' ? '列顺序' : '先后位置'}读取，证实规则 ${rules}${failed ? `，不成立 ${failed}` : ''}${reading.unconfirmed.length ? `，${reading.unconfirmed.length} 格未证实留空` : ''}`
    : `${reading.table}: read by ${reading.method}, confirmed by ${rules}${failed ? `, failing ${failed}` : ''}${reading.unconfirmed.length ? `, ${reading.unconfirmed.length} unconfirmed cells left empty` : ''}`;
}

export async function run(args: string[]): Promise<number> {
  const parsed = commandArgs(
    'import',
    USAGE,
    args,
    {
      out: { type: 'string', short: 'o' },
      year: { type: 'string' },
      org: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean' },
    },
    { positionals: true },
  );
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  const lang: Lang = values.lang === 'en' ? 'en' : 'zh';
  const year = typeof values.year === 'string' ? Number(values.year) : undefined;
  const org = typeof values.org === 'string' ? values.org : undefined;
  const out = typeof values.out === 'string' ? values.out : undefined;
  if (
    positionals.length !== 1 ||
    (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en') ||
    (year !== undefined && !Number.isInteger(year))
  ) {
    console.error(USAGE);
    return 2;
  }
  const file = positionals[0]!;
  try {
    const result = await importFile(file, { year, organisation: org });
    const json = `${JSON.stringify(result.data, null, 2)}\n`;
    if (out) await writeFile(out, json);
    if (values.json) {
      const { provenance, readings, readCells, unread, migration } = result;
      const report = {
        file,
        provenance,
        readings,
        readCells,
        unread,
        findings: checkImported(result),
        ...(migration ? { migration } : {}),
      };
      process.stdout.write(`${JSON.stringify(out ? report : { ...report, data: result.data }, null, 2)}\n`);
      return 0;
    }
    if (!out) process.stdout.write(json);
    for (const finding of result.findings) console.error(findingLine(finding, lang));
    for (const note of result.unread) console.error(unreadLine(note, lang));
    console.error(provenanceLine(result, lang));
    for (const reading of result.readings) console.error(readingLine(reading, lang));
    if (result.migration) for (const line of migrationLines(result.migration, lang)) console.error(line);
    const cells = result.readCells.length;
    console.error(
      lang === 'zh'
        ? `${file}：${result.data.organisation.zh} ${result.data.year} 年（${result.format.label.zh}），读入 ${cells} 个单元格${out ? `，已写入 ${out}` : ''}`
        : `${file}: ${result.data.organisation.zh} ${result.data.year} (${result.format.label.en}), ${cells} cells read${out ? `, written to ${out}` : ''}`,
    );
    return 0;
  } catch (error) {
    const message = error instanceof ImportError ? error.detail[lang] : (error as Error).message;
    console.error(`nianbao import: ${file}: ${message}`);
    // Missing year or body is a usage matter: the user gives --year / --org.
    return error instanceof ImportError && error.missing.length > 0 ? 2 : 1;
  }
}
