/** The web bundle the server serves (built by the end-to-end setup): small, and browser code only. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { WEB_ROOT } from './server.ts';

const dist = join(WEB_ROOT, 'dist');

it('loads at most 300 KB of gzipped JavaScript at first', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  expect(initial.length).toBeGreaterThan(0);
  const bytes = initial.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
  console.log(`initial JavaScript: ${(bytes / 1024).toFixed(1)} KB gzip (${initial.join(', ')})`);
  expect(bytes).toBeLessThanOrEqual(300 * 1024);
});

it('contains no react-pdf and no server code', () => {
  const js = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dist, 'assets', f), 'utf8'))
    .join('\n');
  for (const marker of [
    '@react-pdf',
    'pdfkit',
    'better-sqlite3',
    'kysely',
    'piscina',
    'node:fs',
    'appRouter',
    'scrypt',
  ]) {
    expect(js.includes(marker), marker).toBe(false);
  }
});
