/** The example reports and what the tests expect of them (page counts are regression values). */
import { type ExampleName, exampleJson } from '@nianbao/examples';
import type { ReportLang } from '@nianbao/schema';
import { parseReport, type ReportData } from '@nianbao/schema';

export function loadExample(file: string): ReportData {
  const parsed = parseReport(exampleJson(file.replace('.report.json', '') as ExampleName));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.issues.map((i) => i.message.en).join('; ')}`);
  return parsed.data;
}

export interface Example {
  file: string;
  /** Languages it renders in, with the page count of each PDF. */
  pages: Partial<Record<ReportLang, number>>;
  /** Languages it must refuse: its narrative has no English. */
  refuses: ReportLang[];
}

export const examples: Example[] = [
  { file: 'demo-county-2021.report.json', pages: { zh: 5, 'zh-en': 8, en: 5 }, refuses: [] },
  { file: 'tiantan-2019.report.json', pages: { zh: 6, 'zh-en': 7 }, refuses: ['en'] },
];
