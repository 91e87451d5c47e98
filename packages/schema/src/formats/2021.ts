/**
 * The 2021 format (国办公开办函〔2021〕30号), for report years 2021 onward. docs/formats.md §3.1, §4.2, §5, §6.
 */
import type { FormatDef, NarrativeBlock } from '../types.ts';
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

const sub = (id: string, zh: string, en: string, required: boolean, hint?: NarrativeBlock['hint']) => ({
  id,
  label: { zh, en },
  heading: true,
  required,
  hint,
});

const decisions = [
  { id: 'decisions', label: { zh: '本年处理决定数量', en: 'Decisions this year' }, kind: 'count' as const },
];

export const format2021: FormatDef = {
  id: '2021',
  label: { zh: '2021年版格式', en: '2021 format' },
  years: { from: 2021 },
  basis: {
    zh: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）',
    en: 'Format of the Annual Report on Government Information Disclosure (State Council General Office, 2021, No. 30)',
  },
  sections: [
    {
      id: 's1',
      label: sectionLabels.s1,
      // The notice lists five aspects that 一 "主要包括"; real reports use them as sub-headings (docs/formats.md §3.1).
      narrative: [
        ...openingBlocks,
        { ...sub('s1.active', '（一）主动公开', '(1) Proactive disclosure', true), drafts: ['documents'] },
        {
          ...sub('s1.on_request', '（二）依申请公开', '(2) Disclosure on request', true),
          drafts: ['applications', 'reviews'],
        },
        sub('s1.management', '（三）政府信息管理', '(3) Government information management', true),
        sub('s1.platforms', '（四）政府信息公开平台建设', '(4) Disclosure platforms', true),
        sub('s1.oversight', '（五）监督保障', '(5) Oversight and safeguards', true, {
          zh: '各级人民政府还应报告工作考核、社会评议和责任追究结果情况。',
          en: 'People’s governments also report on performance assessment, public evaluation and accountability.',
        }),
      ],
    },
    {
      id: 's2',
      label: sectionLabels.s2,
      narrative: [],
      table: {
        type: 'blocks',
        id: 't2',
        rowHeader: rowHeaderLabel,
        gridColumns: 3,
        kindRule: 'R2-INT',
        blocks: [
          {
            id: 'item1',
            caption: article20.item1,
            columns: [
              { id: 'issued', label: { zh: '本年制发件数', en: 'Issued this year' }, kind: 'count' },
              { id: 'repealed', label: { zh: '本年废止件数', en: 'Repealed this year' }, kind: 'count' },
              { id: 'in_force', label: { zh: '现行有效件数', en: 'In force' }, kind: 'count' },
            ],
            rows: [
              disclosureRows.rules,
              {
                id: 'normative_docs',
                label: { zh: '行政规范性文件', en: 'Administrative normative documents' },
              },
            ],
          },
          {
            id: 'item5',
            caption: article20.item5,
            columns: decisions,
            rows: [disclosureRows.licensing],
          },
          {
            id: 'item6',
            caption: article20.item6,
            columns: decisions,
            rows: [disclosureRows.penalty, disclosureRows.coercion],
          },
          {
            id: 'item8',
            caption: article20.item8,
            columns: [
              {
                id: 'amount_wan_yuan',
                label: { zh: '本年收费金额（单位：万元）', en: 'Fees collected this year (10,000 yuan)' },
                kind: 'amount',
              },
            ],
            rows: [disclosureRows.fees],
          },
        ],
      },
    },
    {
      id: 's3',
      label: sectionLabels.s3,
      narrative: [],
      table: applicationsTable({
        id: 'other_handling',
        label: otherHandlingLabel,
        children: [
          {
            id: 'other_overdue_correction',
            label: {
              zh: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
              en: '1. Not corrected in time without good reason; no longer processed',
            },
          },
          {
            id: 'other_overdue_fee',
            label: {
              zh: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
              en: '2. Fee not paid in time as notified; no longer processed',
            },
          },
          { id: 'other_misc', label: { zh: '3.其他', en: '3. Other' } },
        ],
      }),
    },
    { id: 's4', label: sectionLabels.s4, narrative: [], table: reviewLitigationTable },
    {
      id: 's5',
      label: sectionLabels.s5,
      narrative: [
        body('s5.body', {
          zh: '本机关存在的主要问题、已采取和拟采取的改进措施，以及上年度报告所列问题的整改情况。',
          en: 'Main problems, the measures taken and planned, and the follow-up of problems named last year.',
        }),
      ],
    },
    {
      id: 's6',
      label: sectionLabels.s6,
      // The sub-items follow what 2021-format reports print; the notice text was not seen [U] (docs/formats.md §3.1).
      narrative: [
        sub('s6.fees', '（一）信息处理费收取情况', '(1) Information processing fees', true, {
          zh: '依据《政府信息公开信息处理费管理办法》发出收费通知的件数和金额、实际收取的金额；未收取的写明“本年度未收取信息处理费”。',
          en: 'Fee notices issued and amounts, and amounts collected; or state that no fee was collected.',
        }),
        sub(
          's6.work_points',
          '（二）年度政务公开工作要点落实情况',
          '(2) Implementation of the annual work points',
          false,
        ),
        sub(
          's6.proposals',
          '（三）人大代表建议和政协提案办理结果公开情况',
          "(3) Disclosure of responses to deputies' suggestions and CPPCC proposals",
          false,
        ),
        sub(
          's6.innovation',
          '（四）政务公开工作创新情况',
          '(4) Innovation in government affairs disclosure',
          false,
        ),
        sub('s6.other', '（五）其他报告事项', '(5) Other matters', false),
      ],
    },
  ],
  rules: [
    ...applicationRules,
    {
      type: 'stock',
      id: 'R2-STOCK',
      level: 'warning',
      table: 't2',
      rows: ['rules', 'normative_docs'],
      stock: 'in_force',
      plus: 'issued',
      minus: 'repealed',
    },
    { type: 'fee', id: 'X-FEE', level: 'warning', cell: 't3.other_overdue_fee.total', narrative: 's6.fees' },
  ],
};
