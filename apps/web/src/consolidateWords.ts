/** Words of the 汇总 page's summed tables. */
export const consolidateWords = {
  nothingIncluded: {
    zh: '没有计入任何报告：所属 {n} 个单位都没有{which}{year} 年度报告，汇总数字全为 0，未作规则检查。',
    en: 'No report is included: none of the {n} subordinate organisations has a {which}{year} report, so every summed figure is 0 and no rule was checked.',
  },
  submittedOrApproved: { zh: '已提交或已通过的 ', en: 'submitted or approved ' },
  tables: { zh: '汇总后的表格', en: 'The summed tables' },
  tablesHint: {
    zh: '只读。选中任一单元格（点击或用方向键），下方列出各单位的数字。',
    en: 'Read-only. Select any cell (click or arrow keys) to list each organisation’s figure below.',
  },
  contributions: { zh: '「{cell}」各单位数字', en: 'Each organisation’s figure for “{cell}”' },
  sum: { zh: '合计（{n} 个单位）', en: 'Sum ({n} {n|organisation|organisations})' },
  shown: { zh: '已列出 {shown} 个单位，共 {n} 个。', en: '{shown} of {n} organisations listed.' },
  more: { zh: '再列出 {n} 个', en: 'List {n} more' },
  close: { zh: '关闭', en: 'Close' },
} as const;
