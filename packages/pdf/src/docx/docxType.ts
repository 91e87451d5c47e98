/**
 * The type of the Word document: the sizes of officialLayout.ts (the PDF's) in Word's units, and
 * the fonts as Chinese offices have them installed (GB/T 9704: 仿宋 body, 黑体 一、 headings,
 * 楷体 （一） headings, 小标宋 title, 宋体 page numbers; tables in 宋体 as practice prints them).
 * Each run names its East Asian font separately (w:eastAsia), which is the one Word and WPS use
 * for Chinese characters; Latin letters and figures take the ascii/hAnsi font.
 */
import type { IFontAttributesProperties } from 'docx';
import { page, type } from '../officialLayout.ts';

/** Points to twentieths of a point (Word's twips). */
export const twip = (points: number): number => Math.round(points * 20);
/** Points to half-points (Word's font sizes). */
export const halfPoints = (points: number): number => Math.round(points * 2);

const LATIN = 'Times New Roman';
const font = (eastAsia: string): IFontAttributesProperties => ({
  ascii: LATIN,
  hAnsi: LATIN,
  eastAsia,
  cs: LATIN,
  hint: 'eastAsia',
});

export const fonts = {
  /** 仿宋_GB2312 is the name GB/T 9704 templates use, and offices install it for them. */
  body: font('仿宋_GB2312'),
  title: font('方正小标宋简体'),
  heading: font('黑体'),
  subheading: font('楷体_GB2312'),
  table: font('宋体'),
  pageNumber: font('宋体'),
};

export const geometry = {
  width: twip(page.width),
  height: twip(page.height),
  top: twip(page.marginTop),
  left: twip(page.marginLeft),
  right: twip(page.marginRight),
  bottom: twip(page.marginBottom),
  /**
   * From the page's bottom edge to the footer's bottom: the 14 pt page number's middle sits 7 mm
   * below the text block, as in the PDF.
   */
  footer: twip(page.marginBottom - page.pageNumberGap - type.pageNumber.fontSize * 0.6),
  /** Width of the 版心, in twips (tables take all of it). */
  content: twip(page.width - page.marginLeft - page.marginRight),
};

/** Exact line pitches (twips): the 22-line grid for the body, and the PDF's leading elsewhere. */
export const pitch = {
  body: twip(type.body.fontSize * type.body.lineHeight),
  bodyEn: twip(type.bodyEn.fontSize * type.bodyEn.lineHeight),
  title: twip(type.title.fontSize * type.title.lineHeight),
  titleEn: twip(type.titleEn.fontSize * type.titleEn.lineHeight),
  headingEn: twip(type.headingEn.fontSize * type.headingEn.lineHeight),
};
