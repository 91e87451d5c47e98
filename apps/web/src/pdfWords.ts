/** Words of the PDF panel about narrative passages that have no English yet. */
export const pdfWords = {
  englishMissing: {
    zh: '以下 {n} 段文字只有中文，没有英文：',
    en: '{n} {n|passage has|passages have} Chinese text but no English:',
  },
  englishPdfBlocked: {
    zh: '英文 PDF 需要这些段落的英文，补写后才能生成。',
    en: 'The English PDF needs their English: write it first.',
  },
  bilingualLacks: {
    zh: '中英对照 PDF 中，这些段落将只有中文。',
    en: 'In the bilingual (Chinese–English) PDF these passages will be in Chinese only.',
  },
  openBlock: { zh: '填写英文', en: 'Write the English' },
} as const;
