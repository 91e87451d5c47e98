/** The example reports and what the tests expect of them (page counts are regression values). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseReport, type ReportData } from '@nianbao/schema';
import type { Lang } from '../src/lang.ts';

export function loadExample(name: string): ReportData {
  const path = fileURLToPath(new URL(`../../../examples/${name}`, import.meta.url));
  const parsed = parseReport(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.issues.map((i) => i.message.en).join('; ')}`);
  return parsed.data;
}

export interface Example {
  file: string;
  /** Languages it renders in, with the page count of each PDF. */
  pages: Partial<Record<Lang, number>>;
  /** Languages it must refuse: its narrative has no English. */
  refuses: Lang[];
}

export const examples: Example[] = [
  { file: 'demo-county-2021.report.json', pages: { zh: 5, 'zh-en': 8, en: 5 }, refuses: [] },
  { file: 'tiantan-2019.report.json', pages: { zh: 6, 'zh-en': 7 }, refuses: ['en'] },
];
