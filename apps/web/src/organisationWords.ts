/** Words of the 机关信息 page (the organisation's contact details); the fields' names are CONTACT_FIELDS'. */
export const organisationWords = {
  open: { zh: '机关信息', en: 'Organisation details' },
  title: { zh: '机关信息', en: 'Organisation details' },
  organisation: { zh: '机关', en: 'Organisation' },
  hint: {
    zh: '报告「编制说明」的「如对本报告有疑问，请与…联系」一句写的就是这里的联系信息。留空的项不写入报告。',
    en: "The report's opening statement gives these contact details (“For questions about this report, please contact …”). A blank one is left out.",
  },
  readOnly: {
    zh: '只有本机关的审核人或管理员可以修改联系信息。',
    en: "Only the organisation's own reviewer or an administrator may change its contact details.",
  },
  save: { zh: '保存联系信息', en: 'Save the contact details' },
  saved: {
    zh: '已保存。报告「编制说明」中按「按机关信息生成」即写入新的联系信息。',
    en: "Saved. In a report's opening statement, “Draft from the agency's record” writes the new details.",
  },
  preview: {
    zh: '{year} 年度报告「编制说明」将写为',
    en: 'The opening statement of the {year} report will read',
  },
} as const;
