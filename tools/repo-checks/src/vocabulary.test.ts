import { describe, expect, it } from 'vitest';
import { readRepoFile, repoFiles } from './repoFiles.ts';

const sources = repoFiles()
  .filter((file) => /\.(ts|tsx|mts|mjs|js)$/.test(file))
  .filter((file) => !file.startsWith('tools/repo-checks/'));
const texts = sources.map((file) => ({ file, text: readRepoFile(file) }));

/** Where a pattern occurs, as `file:line`. */
function where(pattern: RegExp): string[] {
  return texts.flatMap(({ file, text }) =>
    text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}`] : [])),
  );
}

const appWords = 'packages/schema/src/appWords.ts';

describe('the words the whole app shares are declared once', () => {
  it.each(['Role', 'ReportStatus', 'Lang', 'ReportLang'])('%s is declared in appWords.ts only', (name) => {
    const declaration = new RegExp(`\\b(type|interface|enum)\\s+${name}\\b\\s*[=<{]`);
    expect(where(declaration).map((at) => at.split(':')[0])).toEqual([appWords]);
  });

  it('say() is declared once', () => {
    expect(where(/\bfunction say\b|\b(const|let) say\s*=/).map((at) => at.split(':')[0])).toEqual([appWords]);
  });

  it('no list or union restates the statuses, roles or languages', () => {
    // Types anywhere; whole lists outside tests (a test may write out what it expects).
    const unions = [/'draft'\s*\|\s*'submitted'/, /'filler'\s*\|\s*'reviewer'/, /'zh'\s*\|\s*'en'\b/];
    const lists = [
      /\[\s*'draft',\s*'submitted',\s*'approved'\s*\]/,
      /\[\s*'filler',\s*'reviewer',\s*'admin'\s*\]/,
      /\[\s*'zh',\s*'en',\s*'zh-en'\s*\]/,
    ];
    const hits = [
      ...unions.flatMap((pattern) => where(pattern)),
      ...lists.flatMap((pattern) => where(pattern)).filter((at) => !/\.test\.tsx?:/.test(at)),
    ].filter((at) => !at.startsWith(`${appWords}:`));
    // Migrations are history: the CHECK constraints written then stay as written.
    expect(hits.filter((at) => !at.startsWith('packages/db/src/migrations.ts:'))).toEqual([]);
  });

  it('nothing configures zod for the whole process', () => {
    expect(where(/\bz\.config\(/)).toEqual([]);
  });
});
