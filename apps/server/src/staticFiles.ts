/** Serves the built web app (apps/web/dist): files as they are, the app's index.html for its routes. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

async function fileAt(path: string): Promise<{ path: string; size: number; mtime: Date } | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? { path, size: s.size, mtime: s.mtime } : undefined;
  } catch {
    return undefined;
  }
}

const NO_APP = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>nianbao 年报</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>nianbao 年报</h1><p>网页应用尚未构建（apps/web/dist 不存在）。The web app is not built (no apps/web/dist).</p>
<p>API: <code>/trpc</code> · <a href="/healthz">/healthz</a></p></body></html>`;

/** Handles GET/HEAD of anything not handled before; returns false when there is nothing to serve. */
export async function serveStatic(
  root: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<boolean> {
  const index = root ? await fileAt(join(root, 'index.html')) : undefined;
  if (!root || !index) {
    if (pathname !== '/') return false;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : NO_APP);
    return true;
  }
  const base = resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const candidate = resolve(base, `.${normalize(`/${decoded}`)}`);
  let file = candidate === base || !candidate.startsWith(base + sep) ? undefined : await fileAt(candidate);
  const isAsset = pathname.startsWith('/assets/');
  if (!file) {
    // An app route (/reports/3, /login): the app decides. A missing asset or file stays a 404.
    if (isAsset || extname(pathname) !== '') return false;
    file = index;
  }
  const type = TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': file.size,
    'Last-Modified': file.mtime.toUTCString(),
    // Vite names built assets by content hash; everything else may change with the next build.
    'Cache-Control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
  return true;
}
