/** poppler-utils, as CI installs them: text, metadata, fonts, outline and page images of a PDF. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(pdf: Uint8Array, use: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));
  try {
    const path = join(dir, 'report.pdf');
    writeFileSync(path, pdf);
    return use(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

/** Text in content-stream order (`-raw`), one string per page. */
export function pdfPages(pdf: Uint8Array): string[] {
  return withFile(pdf, (path) =>
    run('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-']).split('\f').slice(0, -1),
  );
}

export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const out = withFile(pdf, (path) => run('pdfinfo', ['-enc', 'UTF-8', path]));
  return Object.fromEntries(
    out
      .split('\n')
      .flatMap((l) =>
        l.includes(':') ? [[l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]] : [],
      ),
  );
}

/** Font lines of pdffonts: name, embedded, subset. */
export function pdfFonts(pdf: Uint8Array): { name: string; embedded: boolean; subset: boolean }[] {
  const out = withFile(pdf, (path) => run('pdffonts', [path]));
  return out
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const cols = line.trim().split(/\s+/u);
      const [emb, sub] = cols.slice(-5, -3);
      return { name: cols[0]!, embedded: emb === 'yes', subset: sub === 'yes' };
    });
}

/** The outline (bookmarks) titles. */
export function pdfOutline(pdf: Uint8Array): string[] {
  const xml = withFile(pdf, (path) => run('pdftohtml', ['-xml', '-i', '-q', '-stdout', path]));
  const outline = xml.slice(xml.indexOf('<outline>'), xml.indexOf('</outline>'));
  return [...outline.matchAll(/<item[^>]*>([^<]*)<\/item>/gu)].map((m) => m[1]!.replace(/&amp;/gu, '&'));
}

/** Grey PNG pages at `dpi`, as buffers in page order. */
export function pdfPngs(pdf: Uint8Array, dpi: number): Buffer[] {
  return withFile(pdf, (path, dir) => {
    run('pdftoppm', ['-png', '-gray', '-r', String(dpi), path, join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.startsWith('page'))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
  });
}
