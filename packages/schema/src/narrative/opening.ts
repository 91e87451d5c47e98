/**
 * The standard opening statement (docs/formats.md §2): who prepared the report under which rules,
 * what it contains, the statistical period, and whom to ask. Every part comes from the report
 * (organisation, year), the format (basis, section headings) or the organisation's record
 * (address, postcode, phone, e-mail); a part the record lacks is left out, never invented.
 */
import type { FormatDef, Label, OrganisationContact, ReportData } from '../types.ts';
import type { Lang } from './types.ts';

const REGULATIONS = {
  zh: '《中华人民共和国政府信息公开条例》',
  en: "the Regulations of the People's Republic of China on Government Information Disclosure",
};

/**
 * The record's contact fields in the order the opening names them: `zh`/`en` as the opening prints
 * them, `label` as a form and an error message name them.
 */
export const CONTACT_FIELDS = [
  { key: 'address', zh: '地址', en: 'address', label: { zh: '通信地址', en: 'Postal address' } },
  { key: 'postcode', zh: '邮编', en: 'postcode', label: { zh: '邮政编码', en: 'Postcode' } },
  { key: 'phone', zh: '电话', en: 'tel.', label: { zh: '联系电话', en: 'Telephone' } },
  { key: 'email', zh: '邮箱', en: 'e-mail', label: { zh: '电子邮箱', en: 'E-mail' } },
] as const satisfies readonly { key: keyof OrganisationContact; zh: string; en: string; label: Label }[];

/** 「一、总体情况」 → 「总体情况」, "I. Overview" → "overview". */
const headingWords = (format: FormatDef, lang: Lang) =>
  format.sections.map((s) =>
    lang === 'zh'
      ? s.label.zh.replace(/^[一二三四五六七八九十]+、/, '')
      : s.label.en.replace(/^[IVX]+\.\s*/, ''),
  );

export function openingStatement(
  format: FormatDef,
  data: Pick<ReportData, 'organisation' | 'year'>,
  contact: OrganisationContact,
  lang: Lang,
): string {
  const y = data.year;
  const parts = CONTACT_FIELDS.flatMap((p) => {
    const value = contact[p.key]?.trim();
    return value ? [{ ...p, value }] : [];
  });
  if (lang === 'zh') {
    const org = data.organisation.zh;
    const ask = parts.length
      ? `如对本报告有疑问，请与${org}联系（${parts.map((p) => `${p.zh}：${p.value}`).join('；')}）。`
      : '';
    return (
      `本报告由${org}根据${REGULATIONS.zh}（以下简称《条例》）和${format.basis.zh}要求编制。` +
      `全文包括${headingWords(format, 'zh').join('、')}。` +
      `本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。${ask}`
    );
  }
  const org = data.organisation.en?.trim() || data.organisation.zh;
  const words = headingWords(format, 'en');
  const ask = parts.length
    ? ` For questions about this report, please contact ${org} (${parts.map((p) => `${p.en}: ${p.value}`).join('; ')}).`
    : '';
  return (
    `This report was prepared by ${org} in accordance with ${REGULATIONS.en} and the ${format.basis.en}. ` +
    `It covers: ${words.slice(0, -1).join('; ')}; and ${words.at(-1)}. ` +
    `The statistics cover 1 January ${y} to 31 December ${y}.${ask}`
  );
}
