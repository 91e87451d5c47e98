/**
 * The service (`node dist/start.js`; `pnpm start` at the root builds what is stale first): creates
 * the database, seeds the demo into a new one, prints the demo logins and serves on
 * http://127.0.0.1:3000 (HOST, PORT) until SIGINT/SIGTERM. With NODE_ENV=production: no demo, and no
 * start while a demo password works. The environment says where things are: DATABASE_URL,
 * NIANBAO_DATA_DIR or NIANBAO_DB the database, NIANBAO_WEB_DIST the built web app.
 */
import { demoLogins, seedDemo } from '@nianbao/api';
import { isEmpty, openDatabase } from '@nianbao/db';
import { readConfig, webAppExists } from './config.ts';
import { startServer } from './server.ts';
import { startupRefusal } from './startupChecks.ts';

const log = (line: string) => console.log(line);
const config = readConfig();

const db = await openDatabase(config.database);
let fresh = false;
if (config.seedDemo && (await isEmpty(db))) {
  await seedDemo(db);
  fresh = true;
}
const logins = await demoLogins(db);
await db.destroy();
const refusal = startupRefusal(config, logins);
if (refusal) {
  console.error(refusal);
  process.exit(1);
}

const running = await startServer({
  databaseFile: config.database.file,
  databaseUrl: config.database.url,
  port: config.port,
  host: config.host,
  webRoot: webAppExists(config.webRoot) ? config.webRoot : undefined,
  sessionTtlMs: config.sessionTtlMs,
  secureCookies: config.secureCookies,
  trustProxy: config.trustProxy,
  pdfThreads: config.pdfThreads,
  pdfCacheMb: config.pdfCacheMb,
  imports: { warm: true },
  log,
}).catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    console.error(
      `Port ${config.port} is in use: stop what uses it or choose another, e.g. PORT=3001 pnpm start. 端口被占用。`,
    );
    process.exit(1);
  }
  throw error;
});

log(`nianbao 年报 — database ${config.database.label}${fresh ? ' (new, demo data seeded)' : ''}`);
if (!webAppExists(config.webRoot))
  log(
    config.webRoot
      ? `No web app in ${config.webRoot} (NIANBAO_WEB_DIST): serving the API only.`
      : 'NIANBAO_WEB_DIST is not set: serving the API only.',
  );
if (logins.length > 0) {
  log('Demo logins 演示账号 (change them for real use: pnpm nianbao user …):');
  for (const l of logins)
    log(`  ${l.login.padEnd(10)} ${l.password.padEnd(15)} ${l.role.padEnd(9)} ${l.organisation}`);
}
log(`Listening on ${running.url}  (PDF workers: ${running.pool.threads})`);

let stopping: number | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // Ctrl-C and systemd signal the whole process group, and a wrapper (pnpm) may pass the signal on
    // once more: a repeat within seconds is that echo. A second Ctrl-C later stops at once.
    if (stopping !== undefined) {
      if (Date.now() - stopping > 3000) process.exit(1);
      return;
    }
    stopping = Date.now();
    log(`${signal}: finishing requests in flight, then closing the database …`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
