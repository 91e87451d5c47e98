/** Words of the history drawer: the workflow steps and what a version changed. */
export const historyWords = {
  step: {
    zh: { submit: '提交', return: '退回', approve: '通过', reopen: '重新打开' },
    en: { submit: 'submitted', return: 'returned', approve: 'approved', reopen: 'reopened' },
  },
  view: { zh: '查看改动', en: 'Show changes' },
  changedFrom: { zh: '与第 {v} 版相比：', en: 'Compared with version {v}:' },
  firstVersion: { zh: '第一版，即新建时的内容。', en: 'The first version, as created.' },
  restoreWould: {
    zh: '恢复此版本将改动（与当前第 {v} 版相比）：',
    en: 'Restoring it would change (compared with the current version {v}):',
  },
  restoring: { zh: '正在恢复…', en: 'Restoring…' },
  nothing: { zh: '没有改动', en: 'no change' },
  textChanged: { zh: '文字已改', en: 'text changed' },
  more: { zh: '另有 {n} 处', en: '{n} more' },
  onVersion: { zh: '第 {v} 版', en: 'on version {v}' },
} as const;
