/** Words of the app; every label of a report comes from its format definition. */
import { type Lang, reportStatusLabels, roleLabels, say } from '@nianbao/schema';
import { createContext, useContext } from 'react';

export const t = {
  app: { zh: '政府信息公开工作年度报告', en: 'Annual Report on Government Information Disclosure' },
  login: { zh: '登录', en: 'Sign in' },
  loginTitle: { zh: '登录年报填报系统', en: 'Sign in to Nianbao' },
  user: { zh: '用户名', en: 'User name' },
  password: { zh: '密码', en: 'Password' },
  logout: { zh: '退出', en: 'Sign out' },
  language: { zh: 'English', en: '中文' },
  languageLabel: { zh: '切换到英文界面', en: 'Switch to Chinese' },
  reports: { zh: '年度报告', en: 'Annual reports' },
  year: { zh: '年度', en: 'Year' },
  status: { zh: '状态', en: 'Status' },
  updated: { zh: '最后保存', en: 'Last saved' },
  deadline: { zh: '报送期限', en: 'Deadline' },
  overdue: { zh: '已逾期', en: 'overdue' },
  checks: { zh: '检查结果', en: 'Checks' },
  create: { zh: '新建报告', en: 'New report' },
  createFor: { zh: '新建 {year} 年度报告', en: 'Create the {year} report' },
  createHint: {
    zh: '按年度自动选用统一格式（2019–2020 年度用 2019 年版，2021 年度起用 2021 年版），并带入上年结转数。',
    en: 'The format follows the year (2019 format for 2019–2020, 2021 format from 2021); last year’s carry-over is filled in.',
  },
  noReports: {
    zh: '还没有报告。请新建本机关的年度报告。',
    en: 'No reports yet. Create your organisation’s report.',
  },
  reportsTotal: { zh: '共 {n} 份报告', en: '{n} {n|report|reports}' },
  errorsN: { zh: '{n} 处错误', en: '{n} {n|error|errors}' },
  warningsN: { zh: '{n} 处提醒', en: '{n} {n|warning|warnings}' },
  yearAndFormat: { zh: '{year}（{format}）', en: '{year} ({format})' },
  skipToContent: { zh: '跳到正文', en: 'Skip to content' },
  noProblems: { zh: '无问题', en: 'No problems' },
  back: { zh: '返回报告列表', en: 'Back to reports' },
  ...reportStatusLabels,
  saved: { zh: '已保存', en: 'Saved' },
  saving: { zh: '正在保存…', en: 'Saving…' },
  dirty: { zh: '有未保存的修改', en: 'Unsaved changes' },
  offline: {
    zh: '离线：修改已存于本机，恢复连接后自动上传',
    en: 'Offline: changes kept in this browser, sent when back online',
  },
  notSavedYet: {
    zh: '修改尚未保存到服务器，请待保存后再操作。',
    en: 'Your changes have not reached the server yet; try again once they are saved.',
  },
  saveFailed: { zh: '保存失败', en: 'Save failed' },
  notSaved: { zh: '修改未能保存，不能继续：', en: 'Your changes could not be saved, so this cannot go on: ' },
  conflict: { zh: '版本冲突', en: 'Conflict' },
  version: { zh: '第 {n} 版', en: 'version {n}' },
  submit: { zh: '提交审核', en: 'Submit for review' },
  submitBlocked: { zh: '还有 {n} 处错误，改正后才能提交', en: '{n} errors must be fixed before submission' },
  approve: { zh: '审核通过', en: 'Approve' },
  return: { zh: '退回修改', en: 'Return' },
  returnComment: { zh: '退回意见', en: 'Comment for the filler' },
  returnConfirm: { zh: '确认退回', en: 'Return the report' },
  reopen: { zh: '重新打开', en: 'Reopen' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  cancel: { zh: '取消', en: 'Cancel' },
  returnedBy: { zh: '{who}于 {at} 退回：', en: 'Returned by {who} on {at}:' },
  reopenedBy: { zh: '{who}于 {at} 重新打开：', en: 'Reopened by {who} on {at}:' },
  submitText: {
    zh: '提交后报告不能再修改，由审核人审核；审核通过前可以撤回。',
    en: 'Once submitted the report cannot be changed and goes to the reviewer; you can withdraw it until it is approved.',
  },
  allZeroCheck: {
    zh: '报告的全部表格都是 0 或空白。本机关本年确无政府信息公开申请、规章规范性文件变动和行政复议、诉讼，填 0 属实。',
    en: 'Every table of the report is 0 or blank. The body really had no requests, no rules issued or repealed and no reviews or lawsuits this year.',
  },
  submitConfirm: { zh: '确认提交', en: 'Submit' },
  submittedDone: {
    zh: '已提交审核。审核人通过后即可下载发布；通过前您可以撤回。',
    en: 'Submitted for review. Once approved it can be downloaded and published; you can withdraw it until then.',
  },
  approveText: {
    zh: '审核通过后，报告可下载发布；如需再修改，须重新打开并说明理由。',
    en: 'Once approved the report can be downloaded and published; changing it again needs a reopening with a reason.',
  },
  approveConfirm: { zh: '确认通过', en: 'Approve' },
  approvedDone: {
    zh: '已审核通过，报告可以下载发布。',
    en: 'Approved: the report can be downloaded and published.',
  },
  returnedDone: { zh: '已退回填报人修改。', en: 'Returned to the filler.' },
  reopenReason: { zh: '重新打开的理由（填报人将看到）', en: 'Reason for reopening (the filler will see it)' },
  reopenConfirm: { zh: '确认重新打开', en: 'Reopen' },
  reopenedDone: { zh: '已重新打开为草稿。', en: 'Reopened as a draft.' },
  withdrawText: {
    zh: '撤回后报告回到草稿，可以修改后再次提交。',
    en: 'The report goes back to draft: change it and submit it again.',
  },
  /** A workflow step sent and not yet answered. */
  working: { zh: '正在处理…', en: 'Working…' },
  withdrawnDone: { zh: '已撤回为草稿。', en: 'Withdrawn: the report is a draft again.' },
  history: { zh: '修订记录', en: 'History' },
  restore: { zh: '恢复此版本', en: 'Restore this version' },
  restored: { zh: '已恢复第 {n} 版的内容', en: 'Version {n} restored' },
  current: { zh: '当前版本', en: 'current' },
  reason: {
    zh: { create: '新建', save: '保存', import: '导入', restore: '恢复', consolidate: '汇总' },
    en: {
      create: 'created',
      save: 'saved',
      import: 'imported',
      restore: 'restored',
      consolidate: 'consolidated',
    },
  },
  preview: { zh: '预览 PDF', en: 'Preview PDF' },
  downloadZh: { zh: '下载中文 PDF', en: 'Chinese PDF' },
  downloadEn: { zh: '下载英文 PDF', en: 'English PDF' },
  downloadBi: { zh: '下载中英对照 PDF', en: 'Bilingual PDF' },
  downloadHtml: { zh: '导出 HTML', en: 'Export HTML' },
  downloadWord: { zh: '下载 Word', en: 'Download Word' },
  making: { zh: '正在生成 {what}…', en: 'Making the {what}…' },
  pdfFailed: { zh: '未能生成：', en: 'Could not make the file: ' },
  downloaded: { zh: '已下载：{what}', en: 'Downloaded: {what}' },
  readOnly: {
    zh: '报告状态为「{status}」，不能修改。',
    en: 'The report is {status} and cannot be changed.',
  },
  conflictTitle: { zh: '报告已被他人修改', en: 'Someone else changed this report' },
  conflictIntro: {
    zh: '{who}在 {at} 保存了第 {n} 版。下表列出双方不同之处，请逐项选择保留哪一方的内容，然后保存。',
    en: '{who} saved version {n} at {at}. The differences are listed below: choose, item by item, which to keep, then save.',
  },
  theirs: { zh: '对方的（已保存）', en: 'Theirs (saved)' },
  yours: { zh: '我的（未保存）', en: 'Yours (not saved)' },
  item: { zh: '项目', en: 'Item' },
  useAllTheirs: { zh: '全部采用对方的', en: 'Take all of theirs' },
  useAllYours: { zh: '全部采用我的', en: 'Take all of mine' },
  mergeSave: { zh: '按所选合并并保存', en: 'Merge as chosen and save' },
  noDifferences: { zh: '双方内容相同。', en: 'The contents are the same.' },
  empty: { zh: '（空）', en: '(empty)' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  localRestored: {
    zh: '已恢复上次未能上传的本机修改。',
    en: 'Changes that could not be sent last time were restored from this browser.',
  },
  importTitle: { zh: '导入已发布的报告', en: 'Import a published report' },
  importHint: {
    zh: '上传 PDF、Word（.docx）、文本（.txt、.md）、网页（.html）或本系统导出的报告 JSON，文件不超过 2.5 MB。先显示读出和未能读出的内容，确认后才新建草稿。',
    en: 'Upload a PDF, a Word file (.docx), a text (.txt, .md), a web page (.html) or a report JSON exported from this app, at most 2.5 MB. What was read and what was not is shown first; the draft is created when you confirm.',
  },
  importFile: { zh: '选择文件', en: 'Choose a file' },
  importReading: { zh: '正在读取 {name}…', en: 'Reading {name}…' },
  tooLarge: {
    zh: '「{name}」有 {size} MB，超过 2.5 MB 的上限',
    en: '"{name}" is {size} MB, over the 2.5 MB limit',
  },
  readSummary: {
    zh: '从「{name}」读出 {year} 年度（{format}）报告：{read} / {cells} 个表格数字',
    en: 'Read from "{name}": the {year} report ({format}), {read} of {cells} table figures',
  },
  fileOrganisation: { zh: '文件中的机关：{org}', en: 'Organisation in the file: {org}' },
  importAsk: {
    zh: '文件中没有写明年度或机关名称，请填写后重新读取：',
    en: 'The file does not state the year or the organisation; fill them in and read it again:',
  },
  importYear: { zh: '报告年度', en: 'Report year' },
  importOrg: { zh: '机关名称', en: 'Organisation' },
  importAgain: { zh: '重新读取', en: 'Read again' },
  provenanceTitle: { zh: '年度、机关和格式的来源', en: 'Where year, organisation and format came from' },
  provenanceYear: { zh: '年度 {value}：{source}', en: 'Year {value}: {source}' },
  provenanceOrg: { zh: '机关 {value}：{source}', en: 'Organisation {value}: {source}' },
  provenanceFormat: { zh: '格式 {value}（按年度）{printed}', en: 'Format {value} (by the year){printed}' },
  provenancePrinted: {
    zh: '；表格按 {printed} 版式印制',
    en: '; the tables are printed in the {printed} layout',
  },
  provenanceSpelled: {
    zh: '；{where}写作「{value}」（相差一两个字，可能是识别或录入错误，请核对）',
    en: '; {where} spells it “{value}” (a character or two apart: an OCR or typing slip? please check)',
  },
  migrationTitle: { zh: '格式迁移', en: 'Format migration' },
  migrationPrinted: {
    zh: '表格按{from}印制（X-FMT），已按印制的版式读出；{year} 年度报告须使用{to}，导入时迁移到{to}。',
    en: 'The tables are printed in the {from} (X-FMT) and were read in that layout; a {year} report must use the {to}, so the import migrates them into it.',
  },
  migrationMerged: { zh: '「{from}」一行并入「{into}」。', en: '“{from}” goes into “{into}”.' },
  migrationLost: {
    zh: '迁移后丢失以下 {n} 个数字（{to}没有对应栏目）：',
    en: 'The migration loses these {n} figures (the {to} has no cell for them):',
  },
  migrationNothingLost: { zh: '迁移不丢失任何数字。', en: 'The migration loses no figure.' },
  migrationCreate: {
    zh: '迁移到{to}并导入为 {year} 年度草稿',
    en: 'Migrate to the {to} and import as the {year} draft',
  },
  sourceOption: { zh: '您填写的', en: 'as you gave it' },
  sourceTitle: { zh: '标题', en: 'the title' },
  sourcePeriod: { zh: '统计期限', en: 'the statistics period' },
  sourceNarrative: { zh: '正文开头（推断）', en: 'the opening sentence (inferred)' },
  sourceName: { zh: '文件名（推断）', en: 'the file name (inferred)' },
  sourcePublisher: { zh: '网页的发布机构', en: "the page's publisher field" },
  sourceClosing: { zh: '落款', en: 'the signature' },
  readingsTitle: { zh: '表格读取的可信度', en: 'How far each table reading is confirmed' },
  readingTable2: { zh: '表二', en: 'Table II' },
  readingTable3: { zh: '表三', en: 'Table III' },
  readingTable4: { zh: '表四', en: 'Table IV' },
  readingLabels: { zh: '按行标签读取', en: 'read by row labels' },
  readingColumns: { zh: '按列顺序读取', en: 'read in column order' },
  readingOrder: { zh: '按先后位置读取', en: 'placed by position' },
  readingConfirmed: { zh: '由 {rules} 证实', en: 'confirmed by {rules}' },
  readingNoRule: { zh: '没有勾稽关系可证实', en: 'no table rule confirms it' },
  readingFailed: { zh: '{rules} 不成立', en: '{rules} fail' },
  readingUnconfirmed: { zh: '{n} 格未证实，留空', en: '{n} unconfirmed cells left empty' },
  unreadTitle: { zh: '未能读出（相应单元格留空）', en: 'Not read (those cells stay empty)' },
  findingsTitle: { zh: '检查结果', en: 'Findings' },
  nothingUnread: { zh: '全部读出，没有遗漏。', en: 'Everything was read.' },
  lineN: { zh: '第 {n} 行', en: 'line {n}' },
  linesN: { zh: '第 {a}–{b} 行', en: 'lines {a}–{b}' },
  importCreate: { zh: '导入为 {year} 年度草稿', en: 'Import as the {year} draft' },
  importExists: {
    zh: '本机关已有 {year} 年度报告：请打开它，用编辑页的「导入 JSON / 文件」替换其内容（原内容保留在修订记录中）。',
    en: 'Your organisation already has a {year} report: open it and use “Import JSON / file” there (the current content stays in its history).',
  },
  exportJson: { zh: '导出 JSON', en: 'Export JSON' },
  importInto: { zh: '导入 JSON / 文件', en: 'Import JSON / file' },
  importingInto: { zh: '正在导入…', en: 'Importing…' },
  importedInto: {
    zh: '已导入「{name}」为第 {n} 版（{read} 个表格数字）；原内容可在修订记录中恢复。',
    en: 'Imported "{name}" as version {n} ({read} table figures); the earlier content can be restored from the history.',
  },
  consolidate: { zh: '汇总下级机关报告', en: 'Consolidate subordinate reports' },
  consolidateHint: {
    zh: '把所属下级机关某一年度报告的表格数字逐格相加，按同样的规则检查；保存为本机关该年度报告的草稿，由本机关撰写文字部分，再审核、下载 PDF。',
    en: 'Adds up, cell by cell, the table figures of the subordinate organisations’ reports for a year and checks them by the same rules; saved as your organisation’s draft report for that year, whose narrative your office writes before review and PDF download.',
  },
  includeDrafts: { zh: '包括尚未提交的草稿', en: 'Include reports still in draft' },
  included: { zh: '已汇总（{n}）', en: 'Included ({n})' },
  missing: { zh: '未汇总（{n}）', en: 'Not included ({n})' },
  noReport: { zh: '未报送该年度报告', en: 'no report for the year' },
  onlyDraft: { zh: '报告尚未提交（草稿）', en: 'report still a draft' },
  organisation: { zh: '机关', en: 'Organisation' },
  lostFigures: {
    zh: '{n} 个 2019 年版数字在本格式中没有对应单元格，未计入',
    en: '{n} figures of 2019-format reports have no cell in this format and are not in the sum',
  },
  rulesOk: { zh: '汇总数字符合全部规则', en: 'The summed figures keep every rule' },
  saveConsolidation: { zh: '保存为本机关 {year} 年度报告（草稿）', en: 'Save as our {year} report (draft)' },
  updateConsolidation: {
    zh: '用汇总数字更新本机关 {year} 年度报告（当前第 {n} 版，文字部分保留）',
    en: 'Update our {year} report with these figures (now version {n}; narrative kept)',
  },
  consolidationSaved: {
    zh: '已保存为本机关 {year} 年度报告第 {n} 版。',
    en: 'Saved as version {n} of our {year} report.',
  },
  consolidationLocked: {
    zh: '本机关 {year} 年度报告为「{status}」，须重新打开为草稿后才能用汇总数字更新。',
    en: 'Our {year} report is {status}; reopen it as a draft to update it with these figures.',
  },
  openReport: { zh: '打开报告', en: 'Open the report' },
  role: roleLabels,
} as const;

export type Word = { zh: string; en: string };

export const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({
  lang: 'zh',
  setLang: () => {},
});

/** The current language and a translator for the app's words. */
export function useLang() {
  const { lang, setLang } = useContext(LangContext);
  return {
    lang,
    setLang,
    say: (word: Word, vars?: Record<string, string | number>) => say(word, lang, vars),
  };
}

export function formatTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}
