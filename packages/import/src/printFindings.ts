/** Findings and unread notes as lines of text for a terminal, in Chinese or English. */
import type { Finding, Lang } from '@nianbao/schema';
import type { ImportFinding, ImportMigration, Unread } from './types.ts';

const words = {
  zh: {
    error: '错误',
    warning: '警告',
    line: (n: number) => `第 ${n} 行`,
    text: (block: string, a: number, b: number) => `叙述 ${block} 第 ${a + 1}–${b} 字`,
    lines: (a: number, b: number) => (a === b ? `第 ${a} 行` : `第 ${a}–${b} 行`),
    unread: '未能读取',
  },
  en: {
    error: 'error',
    warning: 'warning',
    line: (n: number) => `line ${n}`,
    text: (block: string, a: number, b: number) => `text ${block}, characters ${a + 1}–${b}`,
    lines: (a: number, b: number) => (a === b ? `line ${a}` : `lines ${a}–${b}`),
    unread: 'not read',
  },
};

export function findingLine(finding: Finding & Partial<ImportFinding>, lang: Lang): string {
  const w = words[lang];
  const range = finding.range;
  const where =
    finding.line !== undefined
      ? ` (${w.line(finding.line)})`
      : range
        ? ` (${w.text(`${range.block}${range.lang === 'en' ? '.en' : ''}`, range.start, range.end)})`
        : '';
  return `${w[finding.level]} ${finding.rule}${where}: ${finding.message[lang]}`;
}

export function unreadLine(note: Unread, lang: Lang): string {
  const w = words[lang];
  const where = note.lines ? ` (${w.lines(note.lines[0], note.lines[1])})` : '';
  return `${w.unread}${where}: ${note.message[lang]}`;
}

export function summaryLine(findings: Finding[], lang: Lang): string {
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.length - errors;
  return lang === 'zh'
    ? `共 ${errors} 个错误，${warnings} 个警告`
    : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/**
 * The migration offered for a report printed in another year's layout: what `data` holds instead
 * of the printed layout, then one line per figure it loses.
 */
export function migrationLines(migration: ImportMigration, lang: Lang): string[] {
  const w = words[lang];
  const merged = migration.merged.map((m) =>
    lang === 'zh' ? `「${m.name.zh}」并入「${m.into.zh}」` : `"${m.name.en}" goes into "${m.into.en}"`,
  );
  const head =
    lang === 'zh'
      ? `迁移：表格按 ${migration.from} 版式印制，数据按 ${migration.to} 版格式导入${merged.length ? `（${merged.join('，')}）` : ''}；${migration.lost.length ? `迁移丢失 ${migration.lost.length} 个数字：` : '迁移不丢失数字'}`
      : `migration: the tables are printed in the ${migration.from} layout, the data is imported into the ${migration.to} format${merged.length ? ` (${merged.join('; ')})` : ''}; ${migration.lost.length ? `the migration loses ${migration.lost.length} figures:` : 'the migration loses no figure'}`;
  return [head, ...migration.lost.map((l) => `  ${l.name[lang]} = ${l.value} (${w.line(l.line)})`)];
}
