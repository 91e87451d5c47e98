import { type BlocksTable, blockColumnSpans, cellId, type MatrixTable, matrixLayout } from '@nianbao/schema';
import { memo } from 'react';
import { GridCellView } from './Cells.tsx';
import { useReportForm } from './context.ts';
import { gridModel } from './grid.ts';

/** Table 三 and 四: the column header tree over the row header tree, every span from the definition. */
export const MatrixGrid = memo(function MatrixGrid({ table, title }: { table: MatrixTable; title: string }) {
  const { format, lang } = useReportForm();
  const layout = matrixLayout(table);
  const model = gridModel(format, table);
  return (
    <table className={`nb-grid nb-matrix nb-labels-${layout.labelColumns}`} data-table={table.id}>
      <caption className="nb-sr-only">{title}</caption>
      <colgroup>
        {Array.from({ length: layout.labelColumns }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: label columns are positions
          <col key={`l${i}`} className={`nb-col-label nb-col-label-${i}`} />
        ))}
        {layout.columnLeaves.map((c) => (
          <col key={c.id} className="nb-col-value" />
        ))}
      </colgroup>
      <thead>
        {layout.header.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: header rows are positions
          <tr key={i}>
            {i === 0 && layout.labelColumns > 0 && (
              <th rowSpan={layout.headerRows} colSpan={layout.labelColumns} className="nb-corner" scope="col">
                {table.corner?.[lang]}
              </th>
            )}
            {row.map((c) => (
              <th
                key={c.node.id}
                rowSpan={c.rowSpan}
                colSpan={c.colSpan}
                scope={c.colSpan > 1 ? 'colgroup' : 'col'}
              >
                {c.node.label[lang]}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {layout.body.map((labels, r) => {
          const row = layout.rowLeaves[r];
          return (
            <tr key={row?.id ?? 'values'} className={row?.total ? 'nb-total-row' : undefined}>
              {labels.map((c) => (
                <th
                  key={c.node.id}
                  rowSpan={c.rowSpan}
                  colSpan={c.colSpan}
                  scope={c.rowSpan > 1 ? 'rowgroup' : 'row'}
                  className={`nb-row-label nb-level-${c.level}`}
                >
                  {c.node.label[lang]}
                </th>
              ))}
              {layout.columnLeaves.map((c) => {
                const id = cellId(table.id, row?.id, c.id);
                return (
                  <td key={id} className={c.total ? 'nb-total-col' : undefined}>
                    <GridCellView id={id} model={model} />
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});

/** Table 二: stacked blocks, each a caption row, a header row and its data rows, over one value grid. */
export const BlocksGrid = memo(function BlocksGrid({ table, title }: { table: BlocksTable; title: string }) {
  const { format, lang } = useReportForm();
  const model = gridModel(format, table);
  const width = table.gridColumns + 1;
  return (
    <table className="nb-grid nb-blocks" data-table={table.id}>
      <caption className="nb-sr-only">{title}</caption>
      <colgroup>
        <col className="nb-col-label nb-col-label-0" />
        {Array.from({ length: table.gridColumns }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: grid columns are positions
          <col key={i} className="nb-col-block" />
        ))}
      </colgroup>
      {table.blocks.map((block) => {
        const spans = blockColumnSpans(table, block.columns.length);
        return (
          <tbody key={block.id}>
            <tr className="nb-block-caption">
              <th colSpan={width} scope="colgroup">
                {block.caption[lang]}
              </th>
            </tr>
            <tr className="nb-block-head">
              <th scope="col">{table.rowHeader[lang]}</th>
              {block.columns.map((c, i) => (
                <th key={c.id} colSpan={spans[i]} scope="col">
                  {c.label[lang]}
                </th>
              ))}
            </tr>
            {block.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" className="nb-row-label">
                  {row.label[lang]}
                </th>
                {block.columns.map((c, i) => {
                  const id = cellId(table.id, row.id, c.id);
                  return (
                    <td key={id} colSpan={spans[i]}>
                      <GridCellView id={id} model={model} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
});
