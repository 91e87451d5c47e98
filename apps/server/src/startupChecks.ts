/**
 * Checks before the server listens: published demo passwords must never be reachable from other
 * machines. In production no account may keep one; without NODE_ENV=production the server stays
 * on loopback while any still works.
 */
import type { DemoLogin } from '@nianbao/api';

function isLoopback(host: string | undefined): boolean {
  if (host === undefined) return false;
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Why the server must not start, in zh and en with what to do, or undefined when it may. */
export function startupRefusal(
  settings: { production: boolean; host: string | undefined },
  demoLogins: DemoLogin[],
): string | undefined {
  if (demoLogins.length === 0) return undefined;
  const names = demoLogins.map((l) => l.login).join(', ');
  const fix = demoLogins.map((l) => `  pnpm nianbao user reset-password --login ${l.login}`).join('\n');
  if (settings.production) {
    return [
      `NODE_ENV=production: the account(s) ${names} still have their published demo password. Give each a new password, then start again:`,
      `生产模式下不得保留演示密码：账号 ${names} 仍使用公开的演示密码。请逐一重设密码后再启动：`,
      fix,
      'A database for real use starts empty: pnpm nianbao init --org <机关名称> --admin <登录名>',
    ].join('\n');
  }
  if (!isLoopback(settings.host)) {
    return [
      `HOST=${settings.host ?? '(all interfaces)'}: the demo account(s) ${names} still have their published passwords, so the server listens on 127.0.0.1 only. Give each a new password first:`,
      `演示账号 ${names} 仍使用公开的密码，服务只能在本机地址（127.0.0.1）上运行。如需对外提供服务，请先重设这些密码：`,
      fix,
    ].join('\n');
  }
  return undefined;
}
