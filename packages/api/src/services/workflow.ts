/**
 * The report workflow as data: each transition once — the action, the statuses it starts from, the
 * status it leads to, and who may take it. The mutations check against this table (`authorise`) and
 * the permissions the web app receives (`permissions`) are read from it, so the buttons a user sees
 * and what the server accepts cannot disagree.
 */
import { audit, changeStatus, type Db, type ReportRow, type ReportUpdate } from '@nianbao/db';
import { type Label, type ReportStatus, reportStatusLabels } from '@nianbao/schema';
import { canReview, canWrite } from '../access.ts';
import type { SessionUser } from '../context.ts';
import { apiError } from '../errors.ts';
import { conflict } from './conflict.ts';

/**
 * How the user stands to one report. `writer`: may write the data of its organisation (their own;
 * an administrator also those below); `reviewer`: a reviewer or administrator of the organisation or
 * one above it; `submitter`: the person who submitted it.
 */
type Standing = 'writer' | 'reviewer' | 'submitter';

export const ACTIONS = ['edit', 'submit', 'approve', 'return', 'reopen'] as const;
export type Action = (typeof ACTIONS)[number];

export interface Transition {
  action: Action;
  from: readonly ReportStatus[];
  to: ReportStatus;
  /** Who may: the standing required, and one that rules the user out even with it. */
  who: Standing;
  not?: Standing;
}

const TRANSITIONS: readonly Transition[] = [
  // Saving, restoring, importing into and consolidating into a report: its data changes, not its status.
  { action: 'edit', from: ['draft'], to: 'draft', who: 'writer' },
  { action: 'submit', from: ['draft'], to: 'submitted', who: 'writer' },
  // Four eyes: whoever submitted a report does not approve or return it.
  { action: 'approve', from: ['submitted'], to: 'approved', who: 'reviewer', not: 'submitter' },
  { action: 'return', from: ['submitted'], to: 'draft', who: 'reviewer', not: 'submitter' },
  { action: 'reopen', from: ['submitted', 'approved'], to: 'draft', who: 'reviewer' },
  // Withdrawing a report not yet approved.
  { action: 'reopen', from: ['submitted'], to: 'draft', who: 'submitter' },
];

type ReportState = Pick<ReportRow, 'organisation_id' | 'status' | 'submitted_by'>;

async function standing(db: Db, user: SessionUser, row: ReportState): Promise<Set<Standing>> {
  const result = new Set<Standing>();
  if (await canWrite(db, user, row.organisation_id)) result.add('writer');
  if (await canReview(db, user, row.organisation_id)) result.add('reviewer');
  if (row.submitted_by === user.id) result.add('submitter');
  return result;
}

const fits = (t: Transition, has: ReadonlySet<Standing>) => has.has(t.who) && !(t.not && has.has(t.not));

/** The transition that lets a user with this standing take the action on a report in this status. */
function allowedTransition(
  action: Action,
  status: ReportStatus,
  has: ReadonlySet<Standing>,
): Transition | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.from.includes(status) && fits(t, has));
}

export interface Permissions {
  canEdit: boolean;
  canSubmit: boolean;
  canApprove: boolean;
  canReturn: boolean;
  canReopen: boolean;
  /**
   * The reopening this user may take is the submitter withdrawing a report not yet approved, which
   * needs no reason (a reviewer's reopening asks for one): the web app offers 撤回 instead of 重新打开.
   */
  canWithdraw: boolean;
}

function permissionsFor(status: ReportStatus, has: ReadonlySet<Standing>): Permissions {
  const can = (action: Action) => allowedTransition(action, status, has) !== undefined;
  return {
    canEdit: can('edit'),
    canSubmit: can('submit'),
    canApprove: can('approve'),
    canReturn: can('return'),
    canReopen: can('reopen'),
    // The same transition the reopen mutation takes (authorise), so the reason asked for matches.
    canWithdraw: allowedTransition('reopen', status, has)?.who === 'submitter',
  };
}

export async function permissions(db: Db, user: SessionUser, row: ReportState): Promise<Permissions> {
  return permissionsFor(row.status, await standing(db, user, row));
}

const verbs: Record<Action, Label> = {
  edit: { zh: '修改', en: 'changed' },
  submit: { zh: '提交', en: 'submitted' },
  approve: { zh: '审核', en: 'approved' },
  return: { zh: '退回', en: 'returned' },
  reopen: { zh: '重新打开', en: 'reopened' },
};

const forbidden: Record<Action, Label> = {
  edit: { zh: '您只能修改本机关的报告', en: "You may only change your own organisation's reports" },
  submit: { zh: '您只能提交本机关的报告', en: "You may only submit your own organisation's reports" },
  approve: { zh: '只有审核人可以审核报告', en: 'Only a reviewer may approve a report' },
  return: { zh: '只有审核人可以退回报告', en: 'Only a reviewer may return a report' },
  reopen: {
    zh: '只有审核人可以重新打开报告；提交人可以撤回尚未审核的报告',
    en: 'Only a reviewer may reopen a report; the submitter may withdraw one not yet approved',
  },
};

/**
 * The transition the table allows; otherwise FORBIDDEN when the user may never take this action on
 * this report or only others may in its present status, PRECONDITION_FAILED when nobody may in its
 * present status but they may in another.
 */
export async function authorise(
  db: Db,
  user: SessionUser,
  row: ReportState,
  action: Action,
): Promise<Transition> {
  const has = await standing(db, user, row);
  const allowed = allowedTransition(action, row.status, has);
  if (allowed) return allowed;
  const ofAction = TRANSITIONS.filter((t) => t.action === action);
  const mayElsewhere = ofAction.filter((t) => fits(t, has));
  // Someone may take it from this status, only not this user (a filler reopening an approved report):
  // that is who they are, not when they asked.
  const othersMayHere = ofAction.some((t) => t.from.includes(row.status));
  if (mayElsewhere.length === 0 || othersMayHere) {
    const ownSubmission = ofAction.some(
      (t) => t.not === 'submitter' && has.has(t.who) && has.has('submitter'),
    );
    throw apiError(
      'FORBIDDEN',
      ownSubmission
        ? {
            zh: `不能${verbs[action].zh}自己提交的报告，请由另一位审核人处理`,
            en: `You cannot ${action} a report you submitted yourself; another reviewer must`,
          }
        : forbidden[action],
    );
  }
  throw wrongStatus(action, row.status, mayElsewhere);
}

function wrongStatus(action: Action, status: ReportStatus, transitions: Transition[]) {
  const now = reportStatusLabels[status];
  const from = [...new Set(transitions.flatMap((t) => t.from))];
  if (status === 'draft' && transitions.every((t) => t.to === 'draft')) {
    return apiError('PRECONDITION_FAILED', { zh: '报告已是草稿', en: 'The report is already a draft' });
  }
  if (from.length === 1 && from[0] === 'draft') {
    return apiError('PRECONDITION_FAILED', {
      zh: `报告当前状态为「${now.zh}」，不能${verbs[action].zh}；如需修改请先撤回或由审核人重新打开`,
      en: `The report is ${status} and cannot be ${verbs[action].en}; withdraw it or have a reviewer reopen it first`,
    });
  }
  return apiError('PRECONDITION_FAILED', {
    zh: `报告当前为「${now.zh}」，只有${from.map((s) => reportStatusLabels[s].zh).join('或')}的报告可以${verbs[action].zh}`,
    en: `The report is ${status}; only a ${from.join(' or ')} report can be ${verbs[action].en}`,
  });
}

/**
 * Takes `transition` at the version the user saw, with the columns it sets, and writes it to the audit
 * log; CONFLICT when the report moved on meanwhile.
 */
export async function transition(
  db: Db,
  user: SessionUser,
  row: ReportRow,
  version: number,
  change: { transition: Transition; set?: ReportUpdate; detail?: Record<string, unknown> },
): Promise<ReportRow> {
  if (row.version !== version) return conflict(db, row);
  const { from, to, action } = change.transition;
  const result = await changeStatus(db, { id: row.id, version, from: [...from], to, set: change.set });
  if (!result.ok) {
    if (result.current && result.current.version !== version) return conflict(db, result.current);
    const now = result.current?.status ?? row.status;
    throw apiError('PRECONDITION_FAILED', {
      zh: `报告状态已变为「${reportStatusLabels[now].zh}」，请刷新`,
      en: `The report is now ${now}; reload it`,
    });
  }
  await audit(db, {
    action: `report.${action}`,
    userId: user.id,
    reportId: row.id,
    detail: { version, from: row.status, to, ...change.detail },
  });
  return result.report;
}
