/**
 * A body of its own under the demo county, with a filler, for a test file that creates reports:
 * the demo filler's years are taken by the other files. Seeded straight into the server's
 * database, as desk.test.ts does; the demo reviewer reviews it (its parent body).
 */
import { join } from 'node:path';
import { createOrganisation, createUser, openDatabase } from '@nianbao/db';
import type { Browser, Page } from 'playwright-core';

export interface Body {
  name: string;
  orgId: number;
  filler: { login: string; password: string };
}

export async function ownBody(dataDir: string, key: string, name: string): Promise<Body> {
  const db = await openDatabase({ file: join(dataDir, 'nianbao.sqlite') });
  try {
    const parent = await db
      .selectFrom('organisations')
      .select('id')
      .where('name_zh', '=', '济源产城融合示范区管理委员会')
      .executeTakeFirstOrThrow();
    const org = await createOrganisation(db, { nameZh: name, parentId: parent.id });
    const filler = { login: `e2e-${key}`, password: `e2e-${key}-password` };
    await createUser(db, {
      ...filler,
      displayName: `${name}填报人`,
      role: 'filler',
      organisationId: org.id,
    });
    return { name, orgId: org.id, filler };
  } finally {
    await db.destroy();
  }
}

/**
 * The same page as seen at 125 % zoom on a 1366×768 screen (1093×614 CSS pixels at a device
 * scale of 1.25), signed in as the page is; for the screenshots of a state at both sizes.
 */
export async function zoomed(browser: Browser, page: Page): Promise<Page> {
  const state = await page.context().storageState();
  const context = await browser.newContext({
    viewport: { width: 1093, height: 614 },
    deviceScaleFactor: 1.25,
    baseURL: new URL(page.url()).origin,
    locale: 'zh-CN',
    storageState: state,
  });
  const zoomedPage = await context.newPage();
  await zoomedPage.goto(page.url());
  return zoomedPage;
}
