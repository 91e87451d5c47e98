/**
 * `pnpm nianbao import <file.pdf|.txt|.html> [-o <report.json>] [--year <YYYY>] [--org <机关名称>] [--lang zh|en]`
 * The report data on standard output or in the -o file; what the layout shows wrong and what could
 * not be read on standard error.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { findingLine, type Lang, unreadLine } from '@nianbao/import';
import { ImportError, importFile } from '@nianbao/import/node';

const USAGE =
  'usage: pnpm nianbao import <file.pdf|.txt|.html> [-o <report.json>] [--year <YYYY>] [--org <机关名称>] [--lang zh|en]';

export async function run(args: string[]): Promise<number> {
  let parsed: { values: Record<string, string | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      options: {
        out: { type: 'string', short: 'o' },
        year: { type: 'string' },
        org: { type: 'string' },
        lang: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    }) as typeof parsed;
  } catch (error) {
    console.error(`nianbao import: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const lang: Lang = values.lang === 'en' ? 'en' : 'zh';
  const year = values.year === undefined ? undefined : Number(values.year);
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
    const result = await importFile(file, { year, organisation: values.org });
    const json = `${JSON.stringify(result.data, null, 2)}\n`;
    if (values.out) await writeFile(values.out, json);
    else process.stdout.write(json);
    for (const finding of result.findings) console.error(findingLine(finding, lang));
    for (const note of result.unread) console.error(unreadLine(note, lang));
    const cells = result.readCells.length;
    console.error(
      lang === 'zh'
        ? `${file}：${result.data.organisation.zh} ${result.data.year} 年（${result.format.label.zh}），读入 ${cells} 个单元格${values.out ? `，已写入 ${values.out}` : ''}`
        : `${file}: ${result.data.organisation.zh} ${result.data.year} (${result.format.label.en}), ${cells} cells read${values.out ? `, written to ${values.out}` : ''}`,
    );
    return 0;
  } catch (error) {
    const message = error instanceof ImportError ? error.detail[lang] : (error as Error).message;
    console.error(`nianbao import: ${file}: ${message}`);
    return 1;
  }
}
