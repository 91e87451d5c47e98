import type { Label, ReportData } from './types.ts';

/** 「<机关全称><YYYY>年政府信息公开工作年度报告」 and its English form (glossary). */
export function reportTitle(data: Pick<ReportData, 'organisation' | 'year'>): Label {
  const en = data.organisation.en?.trim() || data.organisation.zh;
  return {
    zh: `${data.organisation.zh}${data.year}年政府信息公开工作年度报告`,
    en: `${en} Annual Report on Government Information Disclosure, ${data.year}`,
  };
}
