/**
 * The 2019 format (国办公开办函〔2019〕60号, 试行), for report years 2019 and 2020. docs/formats.md §3.2, §4.1,
 * §5, §6. Sections 一, 五 and 六 are free narrative.
 */
import type { BlockColumn, FormatDef } from '../types.ts';
import {
  applicationRules,
  applicationsTable,
  article20,
  body,
  disclosureRows,
  openingBlocks,
  otherHandlingLabel,
  reviewLitigationTable,
  rowHeaderLabel,
  sectionLabels,
} from './common.ts';

const itemsChange: BlockColumn[] = [
  { id: 'prev_year_items', label: { zh: '上一年项目数量', en: 'Items last year' }, kind: 'count' },
  { id: 'change', label: { zh: '本年增/减', en: 'Change this year (+/−)' }, kind: 'signedCount' },
];
const itemsChangeDecisions: BlockColumn[] = [
  ...itemsChange,
  { id: 'decisions', label: { zh: '处理决定数量', en: 'Decisions' }, kind: 'count' },
];

export const format2019: FormatDef = {
  id: '2019',
  label: { zh: '2019年版格式（试行）', en: '2019 format (trial)' },
  years: { from: 2019, to: 2020 },
  basis: {
    zh: '《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）',
    en: 'Format of the Annual Report on Government Information Disclosure (Trial) (State Council General Office, 2019, No. 60)',
  },
  sections: [
    {
      id: 's1',
      label: sectionLabels.s1,
      narrative: [...openingBlocks, { ...body('s1.body'), drafts: ['documents', 'applications', 'reviews'] }],
    },
    {
      id: 's2',
      label: sectionLabels.s2,
      narrative: [],
      table: {
        type: 'blocks',
        id: 't2',
        rowHeader: rowHeaderLabel,
        // The official Word table has 4 value grid columns: `a | b+c | d` and `a+b | c+d` (docs/formats.md §4.1).
        gridColumns: 4,
        kindRule: 'R2-INT',
        blocks: [
          {
            id: 'item1',
            caption: article20.item1,
            columns: [
              { id: 'made', label: { zh: '本年新制作数量', en: 'Newly made this year' }, kind: 'count' },
              {
                id: 'published',
                label: { zh: '本年新公开数量', en: 'Newly disclosed this year' },
                kind: 'count',
              },
              { id: 'total_public', label: { zh: '对外公开总数量', en: 'Total disclosed' }, kind: 'count' },
            ],
            rows: [
              disclosureRows.rules,
              { id: 'normative_docs', label: { zh: '规范性文件', en: 'Normative documents' } },
            ],
          },
          {
            id: 'item5',
            caption: article20.item5,
            columns: itemsChangeDecisions,
            rows: [
              disclosureRows.licensing,
              {
                id: 'other_admin_services',
                label: { zh: '其他对外管理服务事项', en: 'Other external administrative services' },
              },
            ],
          },
          {
            id: 'item6',
            caption: article20.item6,
            columns: itemsChangeDecisions,
            rows: [disclosureRows.penalty, disclosureRows.coercion],
          },
          {
            id: 'item8',
            caption: article20.item8,
            columns: itemsChange,
            rows: [disclosureRows.fees],
          },
          {
            id: 'item9',
            caption: { zh: '第二十条第（九）项', en: 'Article 20, item (9)' },
            columns: [
              { id: 'items', label: { zh: '采购项目数量', en: 'Procurement projects' }, kind: 'count' },
              // The official label carries no unit; the app stores 万元 and prints the unit with the value [U].
              {
                id: 'total_amount',
                label: { zh: '采购总金额', en: 'Total procurement amount' },
                kind: 'amount',
              },
            ],
            rows: [
              { id: 'procurement', label: { zh: '政府集中采购', en: 'Centralised government procurement' } },
            ],
          },
        ],
      },
    },
    {
      id: 's3',
      label: sectionLabels.s3,
      narrative: [],
      table: applicationsTable({ id: 'other_handling', label: otherHandlingLabel }),
    },
    { id: 's4', label: sectionLabels.s4, narrative: [], table: reviewLitigationTable },
    { id: 's5', label: sectionLabels.s5, narrative: [body('s5.body')] },
    { id: 's6', label: sectionLabels.s6, narrative: [body('s6.body')] },
  ],
  rules: [
    ...applicationRules,
    // Inference, not an official rule [U] (docs/formats.md §9 R2-2019-PUB).
    {
      type: 'notAbove',
      id: 'R2-2019-PUB',
      level: 'warning',
      table: 't2',
      rows: ['rules', 'normative_docs'],
      column: 'published',
      limit: 'total_public',
    },
  ],
};
