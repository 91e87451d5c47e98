/**
 * The app's own words from the glossary ("Words of the app"), shared by the API's messages and the
 * web app so that a status or role is named the same everywhere.
 */
import type { Label } from './types.ts';

export type ReportStatus = 'draft' | 'submitted' | 'approved';
export type Role = 'filler' | 'reviewer' | 'admin';

export const reportStatusLabels: Record<ReportStatus, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  approved: { zh: '已审核', en: 'Approved' },
};

export const roleLabels: Record<Role, Label> = {
  filler: { zh: '填报人', en: 'filler' },
  reviewer: { zh: '审核人', en: 'reviewer' },
  admin: { zh: '管理员', en: 'administrator' },
};

/** A body's report as the parent's desk shows it: no report yet, or returned for changes. */
export const deskStatusLabels: Record<'none' | 'returned' | ReportStatus, Label> = {
  none: { zh: '未填报', en: 'No report' },
  draft: reportStatusLabels.draft,
  returned: { zh: '已退回', en: 'Returned' },
  submitted: reportStatusLabels.submitted,
  approved: reportStatusLabels.approved,
};
