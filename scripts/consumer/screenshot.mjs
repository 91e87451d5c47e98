// Serves a built Vite app and opens it in Chromium: the form must be on the page. Saves a screenshot.
//   node screenshot.mjs <dist dir> <png>
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';

const [dist, png] = process.argv.slice(2);
// playwright-core is the workspace's (apps/web's), not the consumer project's.
const require = createRequire(new URL('../../apps/web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  const path = req.url === '/' ? '/index.html' : (req.url ?? '/').split('?')[0];
  try {
    const body = readFileSync(join(dist, path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  // A cell of table 三 (2021): the form built itself from the format definition.
  await page.waitForSelector('input', { timeout: 30_000 });
  const inputs = await page.locator('input').count();
  const text = (await page.locator('body').textContent()) ?? '';
  await page.screenshot({ path: png, fullPage: false });
  if (errors.length > 0) throw new Error(`errors in the page: ${errors.join('; ')}`);
  if (inputs < 100 || !text.includes('收到和处理政府信息公开申请情况'))
    throw new Error(`the form is not on the page (${inputs} inputs)`);
  console.log(`chromium: <ReportForm> for 2021 with ${inputs} inputs; screenshot ${png}`);
} finally {
  await browser.close();
  server.close();
}
