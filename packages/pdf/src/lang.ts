/** What a label shows in each of the ways a report can be printed (`REPORT_LANGS` of @nianbao/schema). */
import type { ReportLang } from '@nianbao/schema';

export interface RenderOptions {
  lang: ReportLang;
}

/**
 * A label as printed: the main line, and in bilingual mode the English beneath it. `sub` is absent
 * when there is nothing different to show.
 */
export interface Shown {
  main: string;
  sub?: string;
}

export function show(label: { zh: string; en?: string }, lang: ReportLang): Shown {
  const en = label.en?.trim();
  if (lang === 'zh') return { main: label.zh };
  if (lang === 'en') return { main: en || label.zh };
  return en && en !== label.zh ? { main: label.zh, sub: en } : { main: label.zh };
}

/** The BCP 47 tag of the document (PDF /Lang, HTML lang). */
export function documentLanguage(lang: ReportLang): string {
  return lang === 'en' ? 'en' : 'zh-CN';
}

/** Both strings of a shown label on one line, for bookmarks and plain-text places. */
export function oneLine(shown: Shown): string {
  return shown.sub ? `${shown.main} ${shown.sub}` : shown.main;
}
