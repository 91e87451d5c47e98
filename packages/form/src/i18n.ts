/** Words of the form itself; every label of the report comes from the format definition. */
import type { CellKind } from '@nianbao/schema';

export const words = {
  findings: { zh: '勾稽关系检查', en: 'Consistency checks' },
  noFindings: { zh: '未发现问题', en: 'No problems found' },
  errors: { zh: '错误', en: 'Errors' },
  warnings: { zh: '提醒', en: 'Warnings' },
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '提醒', en: 'Warning' },
  applyFix: { zh: '填入 {value}', en: 'Enter {value}' },
  required: { zh: '必填', en: 'Required' },
  showEnglish: { zh: '同时填写英文', en: 'Also edit English text' },
  englishText: { zh: '英文', en: 'English' },
  chineseText: { zh: '中文', en: 'Chinese' },
  computed: { zh: '自动计算', en: 'Calculated' },
  organisation: { zh: '机关名称', en: 'Agency' },
  organisationEn: { zh: '机关英文名称', en: 'Agency name in English' },
  date: { zh: '成文日期', en: 'Date of the report' },
  year: { zh: '年度', en: 'Year' },
  format: { zh: '格式', en: 'Format' },
  pasted: { zh: '已粘贴 {n} 个单元格', en: '{n} cells pasted' },
  pasteSkipped: {
    zh: '，{m} 个值无法识别或超出表格，已跳过',
    en: '; {m} values were not numbers or fell outside the table and were skipped',
  },
  pasteDropped: {
    zh: '；已略去表头 {rows} 行、行标题 {columns} 列',
    en: '; {rows} header rows and {columns} row-label columns left out',
  },
  pasteTotalDiffers: {
    zh: '；粘贴的「{cell}」为 {pasted}，而各项相加为 {sum}，请核对各项',
    en: '; the pasted “{cell}” is {pasted} but its parts add up to {sum}: check the parts',
  },
  gridHelp: {
    zh: '方向键、回车和 Tab 可在单元格间移动；可从 Excel/WPS 复制整块数据后粘贴；空格计算和打印时按 0。',
    en: 'Arrow keys, Enter and Tab move between cells; paste a block copied from Excel or WPS; blank cells count and print as 0.',
  },
  ruleLevelNote: {
    zh: '错误须改正后才能提交；提醒可说明原因后提交。',
    en: 'Errors block submission; warnings do not.',
  },
  sections: { zh: '目录', en: 'Contents' },
  close: { zh: '关闭', en: 'Close' },
  blankCount: { zh: '还有 {n} 个空格', en: 'Blank cells: {n}' },
  fillBlanks: { zh: '空格填 0', en: 'Fill blanks with 0' },
  carryApproved: {
    zh: '上年结转数和上年现行有效件数取自{year}年度报告已审核通过的第 {n} 版。',
    en: 'Carried-over figures come from the approved version {n} of the {year} report.',
  },
  carryDraft: {
    zh: '上年结转数和上年现行有效件数取自{year}年度报告的第 {n} 版（{status}）：该报告尚未审核通过，数字可能还会变。',
    en: 'Carried-over figures come from version {n} of the {year} report ({status}): it is not approved yet, so they may still change.',
  },
  carryNone: {
    zh: '没有{year}年度报告：上年结转数和上年现行有效件数请按实际填写。',
    en: 'There is no {year} report: enter the carried-over figures as they were.',
  },
  carryNote: {
    zh: '结转数与上年报告不一致的说明（审核人可见）',
    en: 'Why the carried-over figures differ from last year’s report (the reviewer sees this)',
  },
  carryToReport: { zh: '把说明写入报告「{block}」', en: 'Put the reason in the report under “{block}”' },
  carryUpdate: { zh: '更新报告「{block}」中的说明', en: 'Update the reason in the report under “{block}”' },
  carryInReport: {
    zh: '报告「{block}」中已有此说明，将随报告公开。',
    en: 'The report says this under “{block}”; it is published with the report.',
  },
  lengthLeft: { zh: '已写 {n} 字，上限 {max} 字，还可写 {d} 字', en: '{n} of {max} characters; {d} left' },
  lengthOver: {
    zh: '已写 {n} 字，超过上限 {max} 字（多 {d} 字），不能保存；请精简',
    en: '{n} characters, {d} over the limit of {max}: it cannot be saved; shorten it',
  },
  blankFilled: { zh: '已将 {n} 个空格填为 0', en: '{n} blank cells set to 0' },
  blankHelp: {
    zh: '空格保存后仍是空格，计算和打印时按 0；确无此项的格请填 0（「空格填 0」一次填满）。',
    en: 'A blank cell stays blank when saved and counts and prints as 0; enter 0 where there were none ("Fill blanks with 0" does it at once).',
  },
  refusedChars: { zh: '「{chars}」不能填入：{hint}', en: '“{chars}” cannot go in: {hint}' },
  refusedValue: { zh: '未填入：{hint}', en: 'Not entered: {hint}' },
  sectionErrors: { zh: '（{n} 处错误）', en: ' ({n} errors)' },
  draft: { zh: '按表格生成', en: 'Draft from the tables' },
  draftOpening: { zh: '按机关信息生成', en: "Draft from the agency's record" },
  contactMissing: {
    zh: '机关信息中没有{parts}，生成的文字不含这些项；请本机关审核人或管理员在「机关信息」中补充。',
    en: "The agency's record has no {parts}, so the draft leaves them out; the body's reviewer or an administrator can add them under “Organisation details”.",
  },
  optional: { zh: '选填', en: 'Optional' },
  draftUpdate: { zh: '更新', en: 'Update' },
  draftStale: {
    zh: '表格已改动，按表格生成的这段文字中的数字已过时。',
    en: 'The tables have changed: the figures of the drafted passage are out of date.',
  },
} as const;

export const kindHint: Record<CellKind, { zh: string; en: string }> = {
  count: { zh: '此格只能填写不小于 0 的整数', en: 'This cell takes a whole number of 0 or more' },
  signedCount: {
    zh: '此格只能填写整数，减少填负数',
    en: 'This cell takes a whole number, negative for a decrease',
  },
  amount: {
    zh: '此格填写金额（万元），最多 4 位小数',
    en: 'This cell takes an amount in 10,000 yuan, up to 4 decimals',
  },
};
