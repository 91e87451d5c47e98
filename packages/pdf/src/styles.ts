/** react-pdf styles of the official look (officialLayout.ts holds the numbers). */
import { StyleSheet } from '@react-pdf/renderer';
import { SANS, SERIF } from './fonts.ts';
import { cellPadding, indent, page, type } from './officialLayout.ts';

export const styles = StyleSheet.create({
  // No lineHeight on the page: it would hide the page-number chrome (design.md, machine facts).
  page: {
    fontFamily: SERIF,
    paddingTop: page.marginTop,
    paddingLeft: page.marginLeft,
    paddingRight: page.marginRight,
    paddingBottom: page.marginBottom,
  },
  title: { fontFamily: SERIF, fontWeight: 700, textAlign: 'center', ...type.title },
  titleEn: { fontFamily: SERIF, fontWeight: 700, textAlign: 'center', marginTop: 4, ...type.titleEn },
  // One blank line of the grid between the title and the text.
  titleBlock: { marginBottom: type.body.fontSize * type.body.lineHeight },

  heading: { fontFamily: SANS, fontWeight: 700, textIndent: indent, ...type.heading },
  headingEn: { fontFamily: SANS, fontWeight: 700, textIndent: indent, marginBottom: 4, ...type.headingEn },
  subheading: { fontFamily: SERIF, fontWeight: 700, textIndent: indent, ...type.heading },
  subheadingEn: {
    fontFamily: SERIF,
    fontWeight: 700,
    textIndent: indent,
    marginBottom: 2,
    ...type.headingEn,
  },
  headingEnOnly: {
    fontFamily: SANS,
    fontWeight: 700,
    marginTop: 6,
    marginBottom: 4,
    ...type.headingEn,
    fontSize: 14,
  },
  subheadingEnOnly: { fontFamily: SERIF, fontWeight: 700, marginTop: 2, marginBottom: 2, ...type.headingEn },

  paragraph: { textAlign: 'justify', textIndent: indent, ...type.body },
  paragraphEn: {
    textAlign: 'justify',
    textIndent: 2 * type.bodyEn.fontSize,
    marginBottom: 4,
    ...type.bodyEn,
  },

  // Space above and below a table, so it does not touch the headings.
  tableBlock: { marginTop: 6, marginBottom: 12 },
  /**
   * A table that may break has no top margin, nor has its first row: the pagination engine turns
   * it into a spacer that fits at a page bottom and starts the table there, which strands the
   * heading above it. The heading's line height leaves enough air.
   */
  breakableTable: { marginBottom: 12 },
  row: { flexDirection: 'row' },
  column: { flexDirection: 'column' },
  cell: { paddingHorizontal: cellPadding.x, paddingVertical: cellPadding.y, justifyContent: 'center' },
  cellDense: { paddingHorizontal: cellPadding.xDense },
  /** The label of a row group: its lines are drawn by the rows it spans. */
  groupLabel: { paddingHorizontal: cellPadding.x, justifyContent: 'center' },
  cellText: { textAlign: 'center' },

  closing: {
    alignSelf: 'flex-end',
    alignItems: 'center',
    marginTop: type.body.fontSize * type.body.lineHeight,
    // 成文日期右空四字, the organisation centred over it.
    marginRight: 4 * type.body.fontSize,
  },
  closingLine: { ...type.body },
  closingLineEn: { ...type.bodyEn },
});
