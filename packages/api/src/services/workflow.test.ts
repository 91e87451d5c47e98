/**
 * The workflow through the router, over every (status, action, role): the expectations below are
 * written out by hand from the rules in the README ("Who may do what"), not read from TRANSITIONS, so
 * that a wrong row in the table fails here. For each triple the action is tried on a report in that
 * status, and the permissions `reports.get` gives the same user are compared with the outcome.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase } from '@nianbao/db';
import { exampleJson } from '@nianbao/examples';
import { REPORT_STATUSES, type ReportData, type ReportStatus, ROLES, type Role } from '@nianbao/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appRouter,
  createApiDeps,
  createCallerFactory,
  createContext,
  type Permissions,
  seedDemo,
} from '../index.ts';
import { ACTIONS, type Action } from './workflow.ts';

/**
 * Each role, and for the filler both sides: the demo's filler at 天坛街道办事处 submits the reports;
 * `colleague` is a second filler there who did not; reviewer and administrator are of the body above.
 */
type Actor = Role | 'colleague';
const ACTORS: Actor[] = [...ROLES, 'colleague'];
const logins: Record<Actor, { login: string; password: string }> = {
  filler: { login: 'tiantan', password: 'tiantan-demo' },
  colleague: { login: 'tiantan-colleague', password: 'colleague-password' },
  reviewer: { login: 'reviewer', password: 'reviewer-demo' },
  admin: { login: 'admin', password: 'admin-demo' },
};

/** Who may, for a report of 天坛街道办事处 submitted by its filler. */
const expected: Record<ReportStatus, Record<Action, Actor[]>> = {
  draft: {
    edit: ['filler', 'colleague', 'admin'],
    submit: ['filler', 'colleague', 'admin'],
    approve: [],
    return: [],
    reopen: [],
  },
  submitted: {
    edit: [],
    submit: [],
    approve: ['reviewer', 'admin'],
    return: ['reviewer', 'admin'],
    // The reviewers reopen it; the filler withdraws their own submission.
    reopen: ['filler', 'reviewer', 'admin'],
  },
  approved: { edit: [], submit: [], approve: [], return: [], reopen: ['reviewer', 'admin'] },
};

/** Whose reopening is withdrawing their own submission, which needs no reason (`canWithdraw`). */
const withdraws: Record<ReportStatus, Actor[]> = { draft: [], submitted: ['filler'], approved: [] };

const permissionOf: Record<Action, keyof Permissions> = {
  edit: 'canEdit',
  submit: 'canSubmit',
  approve: 'canApprove',
  return: 'canReturn',
  reopen: 'canReopen',
};

let dir: string;
let db: Db;
const cookies = new Map<Actor, string>();
let nextYear = 2030;

async function as(role: Actor) {
  const deps = createApiDeps({ db });
  const context = await createContext(deps, {
    cookieHeader: cookies.get(role) ?? null,
    address: '10.1.0.1',
    setCookie: (value) => cookies.set(role, value.split(';')[0]!),
  });
  return createCallerFactory(appRouter)(context);
}

/** A new report of 天坛街道办事处 without errors, brought to `status` (submitted by the filler). */
async function reportIn(
  status: ReportStatus,
): Promise<{ id: number; version: number; data: ReportData; status: ReportStatus }> {
  const year = nextYear++;
  const filler = await as('filler');
  const created = await filler.reports.create({ year });
  const data = {
    ...(exampleJson('demo-county-2021') as ReportData),
    year,
    organisation: created.data.organisation,
  };
  const saved = await filler.reports.save({ id: created.id, baseVersion: created.version, data });
  if (status === 'draft') return { id: created.id, version: saved.version, data: saved.data, status };
  const submitted = await filler.reports.submit({ id: created.id, version: saved.version });
  if (status === 'submitted') return { id: created.id, version: submitted.version, data: saved.data, status };
  const approved = await (await as('reviewer')).reports.approve({
    id: created.id,
    version: submitted.version,
  });
  return { id: created.id, version: approved.version, data: saved.data, status };
}

async function take(
  role: Actor,
  action: Action,
  report: { id: number; version: number; data: ReportData; status: ReportStatus },
) {
  const caller = await as(role);
  const { id, version } = report;
  switch (action) {
    case 'edit':
      return caller.reports.save({ id, baseVersion: version, data: report.data });
    case 'submit':
      return caller.reports.submit({ id, version });
    case 'approve':
      return caller.reports.approve({ id, version });
    case 'return':
      return caller.reports.return({ id, version, comment: '请补充说明' });
    case 'reopen':
      // Without a reason where the web app asks for none.
      return caller.reports.reopen(
        withdraws[report.status].includes(role)
          ? { id, version }
          : { id, version, reason: '数据有误，需重新核对' },
      );
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-workflow-'));
  db = await openDatabase({ file: join(dir, 'nianbao.sqlite') });
  await seedDemo(db);
  for (const role of ROLES) await (await as(role)).auth.login(logins[role]);
  const tiantan = (await (await as('filler')).auth.me())!.organisation.id;
  await (await as('admin')).users.create({
    ...logins.colleague,
    displayName: '天坛 同事',
    role: 'filler',
    organisationId: tiantan,
  });
  await (await as('colleague')).auth.login(logins.colleague);
});

afterAll(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const triples = REPORT_STATUSES.flatMap((status) =>
  ACTIONS.flatMap((action) => ACTORS.map((role) => ({ status, action, role }))),
);

describe('every (status, action, role)', () => {
  it.each(triples)('$status, $action by the $role', async ({ status, action, role }) => {
    const report = await reportIn(status);
    const allowed = expected[status][action].includes(role);
    const { permissions } = await (await as(role)).reports.get({ id: report.id });
    expect(permissions[permissionOf[action]], 'the permission the web app receives').toBe(allowed);
    expect(permissions.canWithdraw, 'reopening as a withdrawal').toBe(withdraws[status].includes(role));
    const outcome = take(role, action, report);
    if (allowed) {
      await expect(outcome).resolves.toBeDefined();
    } else {
      // Refused for who they are (403) or for the report's status (412), never by a conflict or a crash.
      await expect(outcome).rejects.toSatisfy(
        (e: { code?: string }) => e.code === 'FORBIDDEN' || e.code === 'PRECONDITION_FAILED',
      );
    }
  });
});

it('an administrator who submitted a report does not approve it; another reviewer does', async () => {
  const report = await reportIn('draft');
  const admin = await as('admin');
  const submitted = await admin.reports.submit({ id: report.id, version: report.version });
  expect((await admin.reports.get({ id: report.id })).permissions).toMatchObject({
    canApprove: false,
    canReturn: false,
    canReopen: true,
    // Also a reviewer, so their reopening is a reviewer's (with a reason), as the server takes it.
    canWithdraw: false,
  });
  await expect(admin.reports.reopen({ id: report.id, version: submitted.version })).rejects.toMatchObject({
    code: 'BAD_REQUEST',
  });
  await expect(admin.reports.approve({ id: report.id, version: submitted.version })).rejects.toMatchObject({
    code: 'FORBIDDEN',
  });
  await expect(
    (await as('reviewer')).reports.approve({ id: report.id, version: submitted.version }),
  ).resolves.toMatchObject({ status: 'approved' });
});
