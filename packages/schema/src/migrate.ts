import { cellIndex, narrativeBlocks } from './cells.ts';
import type { FormatDef, Label, ReportData } from './types.ts';

export interface MigrationLoss {
  /** Cell id or narrative block id in the source format. */
  field: string;
  value: string;
  reason: Label;
}

export interface MigrationResult {
  data: ReportData;
  lost: MigrationLoss[];
}

/** Where a 2019-format cell or block goes in the 2021 format when its id changed (docs/formats.md §4.3, §5.3). */
const renamed: Record<string, string> = {
  // （六）其他处理 was one row; in 2021 it is three, and the old figure cannot be split.
  other_handling: 'other_misc',
  's1.body': 's1.active',
  's6.body': 's6.other',
};

function mapId(id: string): string {
  const dot = id.indexOf('.');
  const table = id.slice(0, dot);
  const rest = id.slice(dot + 1);
  if (table === 't3') {
    const [row, col] = rest.split('.');
    return `t3.${renamed[row!] ?? row}.${col}`;
  }
  return renamed[id] ?? id;
}

/**
 * A report's data carried into another format as far as it goes: cells and narrative blocks with
 * the same meaning keep their values; the rest is listed in `lost` with the reason.
 */
export function migrateReport(data: ReportData, toFormat: FormatDef): MigrationResult {
  const target = cellIndex(toFormat);
  const blocks = new Set(narrativeBlocks(toFormat).map((b) => b.id));
  const cells: ReportData['cells'] = {};
  const narrative: ReportData['narrative'] = {};
  const lost: MigrationLoss[] = [];
  for (const [id, value] of Object.entries(data.cells)) {
    const to = mapId(id);
    if (target.has(to)) cells[to] = value;
    else if (value !== null && value !== undefined && value !== 0 && value !== '0')
      lost.push({
        field: id,
        value: String(value),
        reason: {
          zh: `${toFormat.label.zh}没有对应的栏目`,
          en: `the ${toFormat.label.en} has no such item`,
        },
      });
  }
  for (const [id, text] of Object.entries(data.narrative)) {
    const to = mapId(id);
    if (blocks.has(to)) narrative[to] = text;
    else
      lost.push({
        field: id,
        value: text.zh,
        reason: { zh: '没有对应的叙述部分', en: 'no matching narrative block' },
      });
  }
  for (const block of narrativeBlocks(toFormat))
    if (block.required && !narrative[block.id]) narrative[block.id] = { zh: '' };
  return { data: { ...data, format: toFormat.id, cells, narrative }, lost };
}
