/** @jsxRuntime automatic @jsxImportSource react */
/**
 * Table 二: blocks stacked in one grid, each a full-width caption row, a header row starting
 * with 信息内容, then data rows. A block spreads its columns over the grid with
 * blockColumnSpans, exactly as the official Word table merges them.
 */
import { type BlocksTable as BlocksTableDef, blockColumnSpans, cellId } from '@nianbao/schema';
import { View } from '@react-pdf/renderer';
import { contentWidth } from './officialLayout.ts';
import type { ReportModel } from './reportModel.ts';
import { styles } from './styles.ts';
import { TableCell, tableFontSize } from './TableCell.tsx';
import { RowCanvas } from './tableLines.tsx';
import { blocksWidths, isDense } from './tableWidths.ts';

interface Props {
  table: BlocksTableDef;
  model: ReportModel;
}

const ROW_MIN = 20;

export function BlocksTable({ table, model }: Props) {
  const width = contentWidth;
  const fractions = blocksWidths(table);
  const rowHeaderWidth = fractions.rowHeader * width;
  const gridWidth = fractions.grid * width;
  const dense = isDense(table.gridColumns + 1);
  const text = { lang: model.lang, dense };
  const fontSize = tableFontSize(model.lang, dense);
  return (
    // A row around the blocks, for the same reason as in MatrixTable.
    <View style={[styles.row, styles.breakableTable]}>
      <View style={[styles.column, { width }]}>
        {table.blocks.map((block) => {
          const widths = blockColumnSpans(table, block.columns.length).map((n) => n * gridWidth);
          const lefts = widths.map((_, i) => rowHeaderWidth + widths.slice(0, i).reduce((a, b) => a + b, 0));
          return (
            // A block is a handful of rows: it stays together with its caption. Every caption draws
            // the top line, as a block may start a page.
            <View key={block.id} wrap={false}>
              <TableCell
                width={width}
                shown={model.show(block.caption)}
                minHeight={ROW_MIN}
                lines={{ left: true, top: true }}
                {...text}
              />
              <View style={styles.row}>
                <TableCell
                  width={rowHeaderWidth}
                  shown={model.show(table.rowHeader)}
                  minHeight={ROW_MIN}
                  lines={{ left: true }}
                  {...text}
                />
                {block.columns.map((column, i) => (
                  <TableCell
                    key={column.id}
                    width={widths[i]!}
                    shown={model.show(column.label)}
                    lines={{}}
                    {...text}
                  />
                ))}
              </View>
              {block.rows.map((row) => (
                <View key={row.id} style={[styles.row, { width }]}>
                  <TableCell
                    width={rowHeaderWidth}
                    shown={model.show(row.label)}
                    minHeight={ROW_MIN}
                    {...text}
                  />
                  <RowCanvas
                    verticals={[0, rowHeaderWidth, ...lefts.map((x, i) => x + widths[i]!)]}
                    bottom={[0, width]}
                    figures={block.columns.map((column, i) => ({
                      x: lefts[i]!,
                      width: widths[i]!,
                      text: model.value(cellId(table.id, row.id, column.id)),
                    }))}
                    fontSize={fontSize}
                  />
                </View>
              ))}
            </View>
          );
        })}
      </View>
    </View>
  );
}
