/**
 * A body of one's own for a test file: a parent body with a reviewer and a subordinate body with a
 * filler, written straight into the server's database, so that a test owns every year of its
 * reports and meets no other test's drafts.
 */
import { join } from 'node:path';
import { createOrganisation, createUser, openDatabase, seedReports } from '@nianbao/db';
import { exampleText } from '@nianbao/examples';
import type { ReportStatus } from '@nianbao/schema';

export interface Body {
  filler: { login: string; password: string };
  reviewer: { login: string; password: string };
  parentId: number;
  orgId: number;
}

/** The demo county's 2021 report as JSON for another year (its figures keep every rule). */
export function countyReport(year: number): string {
  return exampleText('demo-county-2021').replace('"year": 2021', `"year": ${year}`);
}

export async function newBody(
  dataDir: string,
  tag: string,
  /** `data`: the report JSON (default: the demo county's figures and text for the year). */
  reports: { year: number; status: ReportStatus; data?: string }[] = [],
): Promise<Body> {
  const db = await openDatabase({ file: join(dataDir, 'nianbao.sqlite') });
  try {
    const parent = await createOrganisation(db, { nameZh: `${tag}上级机关` });
    const org = await createOrganisation(db, { nameZh: `${tag}街道办事处`, parentId: parent.id });
    const filler = { login: `${tag}-filler`, password: `${tag}-filler-password` };
    const reviewer = { login: `${tag}-reviewer`, password: `${tag}-reviewer-password` };
    const fillerRow = await createUser(db, {
      ...filler,
      displayName: '王敏',
      role: 'filler',
      organisationId: org.id,
    });
    await createUser(db, { ...reviewer, displayName: '李强', role: 'reviewer', organisationId: parent.id });
    for (const r of reports) {
      await seedReports(db, {
        organisationIds: [org.id],
        year: r.year,
        format: r.year >= 2021 ? '2021' : '2019',
        data: r.data ?? countyReport(r.year),
        userId: fillerRow.id,
        status: () => r.status,
      });
    }
    return { filler, reviewer, parentId: parent.id, orgId: org.id };
  } finally {
    await db.destroy();
  }
}
