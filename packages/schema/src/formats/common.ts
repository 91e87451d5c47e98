/**
 * The parts that the 2019 and 2021 formats share (docs/formats.md §2, §5, §6): section headings, the columns
 * and most rows of table 三, and all of table 四. Each label is written here once.
 */
import type { HeaderNode, Label, MatrixTable, NarrativeBlock, RuleDef } from '../types.ts';

export const sectionLabels = {
  s1: { zh: '一、总体情况', en: 'I. Overview' },
  s2: { zh: '二、主动公开政府信息情况', en: 'II. Proactive Disclosure of Government Information' },
  s3: { zh: '三、收到和处理政府信息公开申请情况', en: 'III. Disclosure Requests Received and Handled' },
  s4: {
    zh: '四、政府信息公开行政复议、行政诉讼情况',
    en: 'IV. Administrative Reconsideration and Litigation concerning Disclosure',
  },
  s5: { zh: '五、存在的主要问题及改进情况', en: 'V. Main Problems and Improvements' },
  s6: { zh: '六、其他需要报告的事项', en: 'VI. Other Matters to Report' },
} satisfies Record<string, Label>;

/** Captions of table 二's blocks that both formats print (2019 adds item (9)). */
export const article20 = {
  item1: { zh: '第二十条第（一）项', en: 'Article 20, item (1)' },
  item5: { zh: '第二十条第（五）项', en: 'Article 20, item (5)' },
  item6: { zh: '第二十条第（六）项', en: 'Article 20, item (6)' },
  item8: { zh: '第二十条第（八）项', en: 'Article 20, item (8)' },
} satisfies Record<string, Label>;

/** Rows of table 二 that both formats share. */
export const disclosureRows = {
  rules: { id: 'rules', label: { zh: '规章', en: 'Rules' } },
  licensing: { id: 'licensing', label: { zh: '行政许可', en: 'Administrative licensing' } },
  penalty: { id: 'penalty', label: { zh: '行政处罚', en: 'Administrative penalties' } },
  coercion: { id: 'coercion', label: { zh: '行政强制', en: 'Administrative compulsion' } },
  fees: { id: 'fees', label: { zh: '行政事业性收费', en: 'Administrative and institutional fees' } },
};

export const rowHeaderLabel: Label = { zh: '信息内容', en: 'Category' };

/**
 * The two optional blocks that open a report in practice (docs/formats.md §2): the opening
 * statement printed between the title and 一, drafted from the organisation's record; and the lead
 * paragraph of 一 before its sub-headings. Both formats print them the same way.
 */
export const openingBlocks: NarrativeBlock[] = [
  {
    id: 'opening',
    label: { zh: '编制说明', en: 'Opening statement' },
    heading: false,
    required: false,
    role: 'opening',
    drafts: ['opening'],
    hint: {
      zh: '印在标题之后、「一、总体情况」之前：本报告由谁根据《条例》编制，统计期限，如对本报告有疑问请与谁联系（地址、邮编、电话、邮箱）。',
      en: 'Printed after the title, before "I. Overview": who prepared the report under the Regulations, the statistical period, and whom to contact with questions (address, postcode, phone, e-mail).',
    },
  },
  {
    id: 's1.lead',
    label: { zh: '导语', en: 'Lead paragraph' },
    heading: false,
    required: false,
    role: 'lead',
    hint: {
      zh: '「一、总体情况」下、各小标题之前的概述段落（如「2023年，本机关……」）。',
      en: 'The summary paragraph under "I. Overview", before its sub-headings (e.g. "In 2023, this agency …").',
    },
  },
];

export function body(id: string, hint?: Label): NarrativeBlock {
  return { id, label: { zh: '正文', en: 'Text' }, heading: false, required: true, hint };
}

const leaf = (id: string, zh: string, en: string): HeaderNode => ({ id, label: { zh, en } });

const t3Columns: HeaderNode[] = [
  {
    id: 'applicants',
    label: { zh: '申请人情况', en: 'Applicants' },
    children: [
      leaf('natural_person', '自然人', 'Natural persons'),
      {
        id: 'legal_persons',
        label: { zh: '法人或其他组织', en: 'Legal persons or other organisations' },
        children: [
          leaf('commercial', '商业企业', 'Commercial enterprises'),
          leaf('research', '科研机构', 'Research institutions'),
          leaf('social_welfare', '社会公益组织', 'Public-interest organisations'),
          leaf('legal_services', '法律服务机构', 'Legal service providers'),
          leaf('other_org', '其他', 'Others'),
        ],
      },
      { ...leaf('total', '总计', 'Total'), total: { rule: 'R3-ROW' } },
    ],
  },
];

const denied: HeaderNode = {
  id: 'denied',
  label: { zh: '（三）不予公开', en: '(3) Not disclosed' },
  children: [
    leaf('denied_state_secret', '1.属于国家秘密', '1. State secret'),
    leaf(
      'denied_law_prohibited',
      '2.其他法律行政法规禁止公开',
      '2. Disclosure prohibited by other laws or administrative regulations',
    ),
    leaf(
      'denied_three_safety_one_stability',
      '3.危及“三安全一稳定”',
      '3. Would endanger national, public or economic security or social stability',
    ),
    leaf(
      'denied_third_party_rights',
      '4.保护第三方合法权益',
      "4. Protection of a third party's lawful rights and interests",
    ),
    leaf(
      'denied_internal_affairs',
      '5.属于三类内部事务信息',
      '5. Internal-affairs information (three kinds)',
    ),
    leaf('denied_process_info', '6.属于四类过程性信息', '6. Process information (four kinds)'),
    leaf('denied_enforcement_files', '7.属于行政执法案卷', '7. Administrative enforcement case files'),
    leaf('denied_admin_query', '8.属于行政查询事项', '8. Administrative enquiry matters'),
  ],
};

const unable: HeaderNode = {
  id: 'unable',
  label: { zh: '（四）无法提供', en: '(4) Cannot be provided' },
  children: [
    leaf('unable_no_info', '1.本机关不掌握相关政府信息', '1. Information not held by this agency'),
    leaf(
      'unable_need_creation',
      '2.没有现成信息需要另行制作',
      '2. No existing information; would have to be created',
    ),
    leaf('unable_unclear', '3.补正后申请内容仍不明确', '3. Request still unclear after correction'),
  ],
};

const notProcessed: HeaderNode = {
  id: 'not_processed',
  label: { zh: '（五）不予处理', en: '(5) Not processed' },
  children: [
    leaf('notproc_complaint', '1.信访举报投诉类申请', '1. Petitions, reports or complaints'),
    leaf('notproc_repeat', '2.重复申请', '2. Repeated requests'),
    leaf('notproc_publication', '3.要求提供公开出版物', '3. Requests for published materials'),
    leaf(
      'notproc_massive',
      '4.无正当理由大量反复申请',
      '4. Large numbers of repeated requests without good reason',
    ),
    leaf(
      'notproc_confirm',
      '5.要求行政机关确认或重新出具已获取信息',
      '5. Requests to confirm or re-issue information already obtained',
    ),
  ],
};

export const otherHandlingLabel: Label = { zh: '（六）其他处理', en: '(6) Other handling' };

/** Table 三; `otherHandling` is the one part that differs between the formats (docs/formats.md §5.3). */
export function applicationsTable(otherHandling: HeaderNode): MatrixTable {
  return {
    type: 'matrix',
    id: 't3',
    corner: {
      zh: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      en: '(In each column: item 1 + item 2 = item 3 + item 4)',
    },
    columns: t3Columns,
    everyReportFills: ['new_received'],
    rows: [
      leaf('new_received', '一、本年新收政府信息公开申请数量', '1. New requests received this year'),
      leaf('carried_over', '二、上年结转政府信息公开申请数量', '2. Requests carried over from last year'),
      {
        id: 'results',
        label: { zh: '三、本年度办理结果', en: '3. Outcomes this year' },
        children: [
          leaf('granted', '（一）予以公开', '(1) Disclosed'),
          leaf(
            'partially_granted',
            '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
            '(2) Partly disclosed (counted here only, not under any other outcome)',
          ),
          denied,
          unable,
          notProcessed,
          otherHandling,
          { ...leaf('results_total', '（七）总计', '(7) Total'), total: { rule: 'R3-RES' } },
        ],
      },
      leaf('carried_forward', '四、结转下年度继续办理', '4. Carried over to next year'),
    ],
    cellKind: 'count',
    kindRule: 'R3-INT',
  };
}

function outcomes(group: string): HeaderNode[] {
  return [
    leaf(`${group}.maintained`, '结果维持', 'Upheld'),
    leaf(`${group}.corrected`, '结果纠正', 'Corrected'),
    leaf(`${group}.other`, '其他结果', 'Other outcome'),
    leaf(`${group}.pending`, '尚未审结', 'Pending'),
    { ...leaf(`${group}.total`, '总计', 'Total'), total: { rule: 'R4-SUM' } },
  ];
}

/** Table 四, identical in both formats (docs/formats.md §6). */
export const reviewLitigationTable: MatrixTable = {
  type: 'matrix',
  id: 't4',
  columns: [
    {
      id: 'review',
      label: { zh: '行政复议', en: 'Administrative reconsideration' },
      children: outcomes('review'),
    },
    {
      id: 'litigation',
      label: { zh: '行政诉讼', en: 'Administrative litigation' },
      children: [
        {
          id: 'litigation_direct',
          label: { zh: '未经复议直接起诉', en: 'Filed without reconsideration' },
          children: outcomes('litigation_direct'),
        },
        {
          id: 'litigation_after_review',
          label: { zh: '复议后起诉', en: 'Filed after reconsideration' },
          children: outcomes('litigation_after_review'),
        },
      ],
    },
  ],
  cellKind: 'count',
  kindRule: 'R4-INT',
};

/** The rules of table 三 that both formats share: the official 勾稽关系 and the carry from last year. */
export const applicationRules: RuleDef[] = [
  {
    type: 'balance',
    id: 'R3-BAL',
    level: 'error',
    table: 't3',
    left: ['new_received', 'carried_over'],
    right: ['results_total', 'carried_forward'],
    solveFor: 'carried_forward',
  },
  {
    type: 'carry',
    id: 'X-CARRY',
    level: 'warning',
    table: 't3',
    row: 'carried_over',
    fromRow: 'carried_forward',
  },
];
