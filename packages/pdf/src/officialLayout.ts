/**
 * Page geometry and type sizes of an official document (GB/T 9704-2012, docs/formats.md §10): A4, 版心
 * 156 mm × 225 mm, 3号 (16 pt) body on a 22-line grid, 2号 (22 pt) title, 4号 (14 pt) page numbers.
 * Everything in PDF points.
 */
const MM = 72 / 25.4;
export const mm = (value: number): number => value * MM;

export const page = {
  width: mm(210),
  height: mm(297),
  marginTop: mm(37),
  marginLeft: mm(28),
  marginRight: mm(26),
  marginBottom: mm(35),
  /** The dash line of the page number sits 7 mm below the text block. */
  pageNumberGap: mm(7),
};

/** Width of the 版心 (156 mm). */
export const contentWidth = page.width - page.marginLeft - page.marginRight;

/** 225 mm / 22 lines: the line pitch of the official grid. */
const linePitch = mm(225) / 22;

export const type = {
  title: { fontSize: 22, lineHeight: 1.45 },
  titleEn: { fontSize: 14, lineHeight: 1.4 },
  heading: { fontSize: 16, lineHeight: linePitch / 16 },
  headingEn: { fontSize: 12.5, lineHeight: 1.5 },
  body: { fontSize: 16, lineHeight: linePitch / 16 },
  /** English paragraphs: a 16 pt Latin text would look shouted next to 16 pt Chinese. */
  bodyEn: { fontSize: 12.5, lineHeight: 1.6 },
  pageNumber: { fontSize: 14, lineHeight: 1 },
  /** Dense tables (三, 四) and roomy ones (二). */
  table: { fontSize: 9.5, lineHeight: 1.3 },
  tableRoomy: { fontSize: 10.5, lineHeight: 1.35 },
  /** English beneath a Chinese label, or an English-only label. */
  tableEn: { fontSize: 7, lineHeight: 1.2 },
  tableEnDense: { fontSize: 6.5, lineHeight: 1.15 },
  tableEnMain: { fontSize: 8, lineHeight: 1.25 },
};

/** 2 characters of body text: the first-line indent of a paragraph (左空二字). */
export const indent = 2 * type.body.fontSize;

export const border = { width: 0.6, color: '#000' };

/** Inner padding of a table cell. */
export const cellPadding = { x: 2.5, y: 2.5, xDense: 1.5 };
