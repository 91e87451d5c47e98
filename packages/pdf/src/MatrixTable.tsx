/** @jsxRuntime automatic @jsxImportSource react */
/**
 * Tables 三 and 四, drawn from their header trees. react-pdf has no rowSpan/colSpan, so the
 * tables are nested flex boxes that follow the trees: a column group is a box holding its label
 * above a row of its children; a row group is a box holding its label left of a column of its
 * children. A group's span is therefore exactly its leaves, as in the official table.
 *
 * When table 三 crosses a page, a row group splits and its box runs on to the page bottom. So a
 * row group's box draws no lines: each data row reaches left under its groups' labels and paints
 * its piece of their columns, and rows never split, so no line overshoots the last row on a page.
 */
import { cellId, type HeaderNode, isLeaf, leaves, type MatrixTable as MatrixTableDef } from '@nianbao/schema';
import { View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { contentWidth } from './officialLayout.ts';
import type { ReportModel } from './reportModel.ts';
import { styles } from './styles.ts';
import { CellText, TableCell, tableFontSize } from './TableCell.tsx';
import { RowCanvas } from './tableLines.tsx';
import { isDense, matrixWidths } from './tableWidths.ts';

interface Props {
  table: MatrixTableDef;
  model: ReportModel;
}

/** Minimum height of a data row, so that rows of one-line labels keep an even rhythm. */
const ROW_MIN = 15;

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
/** Running sums: the x where each column ends. */
const ends = (widths: number[], start = 0) => widths.map((_, i) => start + sum(widths.slice(0, i + 1)));

export function MatrixTable({ table, model }: Props) {
  const width = contentWidth;
  const fractions = matrixWidths(table);
  const labelWidths = fractions.labels.map((f) => f * width);
  const valueWidth = fractions.value * width;
  const valueLeaves = leaves(table.columns);
  const labelsWidth = sum(labelWidths);
  const dense = isDense(labelWidths.length + valueLeaves.length);
  const text = { lang: model.lang, dense };
  const fontSize = tableFontSize(model.lang, dense);
  const span = (node: HeaderNode) => leaves([node]).length * valueWidth;
  const valueEnds = ends(
    valueLeaves.map(() => valueWidth),
    labelsWidth,
  );

  const columnHeader = (nodes: HeaderNode[], level: number, left: boolean) =>
    nodes.map((node, i) => {
      const lines = { left: left && i === 0, top: level === 0 };
      return isLeaf(node) ? (
        <TableCell key={node.id} width={valueWidth} shown={model.show(node.label)} lines={lines} {...text} />
      ) : (
        <View key={node.id} style={[styles.column, { width: span(node) }]}>
          <TableCell width={span(node)} shown={model.show(node.label)} lines={lines} {...text} />
          <View style={[styles.row, { flexGrow: 1 }]}>
            {columnHeader(node.children!, level + 1, lines.left)}
          </View>
        </View>
      );
    });

  const figures = (row: string | undefined) =>
    valueLeaves.map((column, i) => ({
      x: labelsWidth + i * valueWidth,
      width: valueWidth,
      text: model.value(cellId(table.id, row, column.id)),
    }));

  /**
   * A data row at depth `level`. `closes[k]`: the row is the last of its ancestor group at level
   * k, so it draws that group's bottom line.
   */
  const dataRow = (node: HeaderNode, level: number, closes: boolean[]) => {
    const indent = sum(labelWidths.slice(0, level));
    const firstClosed = closes.indexOf(true);
    const bottomFrom = firstClosed < 0 ? indent : sum(labelWidths.slice(0, firstClosed));
    return (
      // A row never splits across pages.
      <View
        key={node.id}
        style={[styles.row, { marginLeft: -indent, width, minHeight: ROW_MIN }]}
        wrap={false}
      >
        <TableCell width={labelsWidth - indent} offset={indent} shown={model.show(node.label)} {...text} />
        {/* Painted after the label, so that the text reads label, then figures. */}
        <RowCanvas
          verticals={[0, ...ends(labelWidths.slice(0, level)), labelsWidth, ...valueEnds]}
          bottom={[bottomFrom, width]}
          figures={figures(node.id)}
          fontSize={fontSize}
        />
      </View>
    );
  };

  const body = (node: HeaderNode, level: number, closes: boolean[]): ReactNode => {
    if (isLeaf(node)) return dataRow(node, level, closes);
    const children = node.children!;
    return (
      <View key={node.id} style={styles.row}>
        <View style={[styles.groupLabel, { width: labelWidths[level] }]}>
          <View wrap={false}>
            <CellText shown={model.show(node.label)} {...text} />
          </View>
        </View>
        <View style={styles.column}>
          {children.map((child, j) => {
            const last = j === children.length - 1;
            return body(child, level + 1, [...closes.map((closed) => closed && last), last]);
          })}
        </View>
      </View>
    );
  };

  const header = (
    <View style={styles.row} wrap={false}>
      {labelsWidth > 0 ? (
        // The corner above the row labels: the note of table 三, or empty in a format without one.
        <TableCell
          width={labelsWidth}
          shown={table.corner ? model.show(table.corner) : { main: '' }}
          lines={{ left: true, top: true }}
          {...text}
        />
      ) : null}
      {columnHeader(table.columns, 0, labelsWidth === 0)}
    </View>
  );

  if (!table.rows) {
    // One data row (table 四): the whole table stays on one page.
    return (
      <View style={styles.tableBlock} wrap={false}>
        {header}
        <View style={{ width, minHeight: ROW_MIN + 4 }}>
          <RowCanvas
            verticals={[0, ...valueEnds]}
            bottom={[0, width]}
            figures={figures(undefined)}
            fontSize={fontSize}
          />
        </View>
      </View>
    );
  }
  return (
    // The row around the table makes the pagination engine honour the heading's keep-with-next
    // window (it checks windows when a row breaks, not when a column does).
    <View style={[styles.row, styles.breakableTable]}>
      <View style={[styles.column, { width }]}>
        {/* The column header repeats at the top of every page the table continues on. */}
        <View fixed>{header}</View>
        {table.rows.map((node) => body(node, 0, []))}
      </View>
    </View>
  );
}
