/**
 * The example reports are reached through `@nianbao/examples` (examplePath, exampleText, exampleJson),
 * never by a path climbing out of a package to examples/: such paths break once a package runs from
 * its dist/ or is moved, and one crept back into a test after the package existed.
 */
import { expect, it } from 'vitest';
import { readRepoFile, repoFiles } from './repoFiles.ts';

it('no source reaches examples/ by a relative path', () => {
  // A string or URL that starts with ../ and leads into examples/ (usage lines in comments are not quoted).
  const climbs = /['"`](\.\.\/)+examples\//;
  const hits = repoFiles()
    .filter((file) => /\.(ts|tsx|mts|mjs|js|cjs)$/.test(file) && !file.startsWith('examples/'))
    .flatMap((file) =>
      readRepoFile(file)
        .split('\n')
        .flatMap((line, i) => (climbs.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
  expect(hits).toEqual([]);
});
