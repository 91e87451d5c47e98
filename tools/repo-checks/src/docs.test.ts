import { existsSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepoFile, repoFiles, repoRoot } from './repoFiles.ts';

const files = repoFiles();
const textFiles = files.filter(
  (file) => /\.(ts|tsx|mjs|js|md|json|yaml|css|html)$/.test(file) || file.startsWith('.ci/'),
);
const markdown = files.filter((file) => file.endsWith('.md'));
const packageReadmes = files.filter((file) => /^(packages|apps|tools)\/[^/]+\/README\.md$/.test(file));

describe('the docs a clone needs are in the clone', () => {
  it('nothing points at documents outside the repository or at the old spec', () => {
    // Built from parts so that this file does not match itself.
    const outside = new RegExp(['\\.\\./shared', ['spec', '§'].join(' '), '\\.\\./spec/'].join('|'), 'i');
    const hits = textFiles.flatMap((file) =>
      readRepoFile(file)
        .split('\n')
        .flatMap((line, i) => (outside.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('the README and every package README link to docs/', () => {
    expect(packageReadmes.length).toBeGreaterThan(6);
    for (const readme of ['README.md', ...packageReadmes]) {
      const toDocs = posix.relative(posix.dirname(readme), 'docs');
      expect(readRepoFile(readme), readme).toContain(`](${toDocs}/`);
    }
  });

  it('every relative link in a markdown file leads to a file or folder of the repository', () => {
    const broken: string[] = [];
    for (const file of markdown) {
      const prose = readRepoFile(file).replace(/`[^`\n]*`/g, '');
      for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (!target || /^[a-z]+:/.test(target) || target.startsWith('#')) continue;
        const path = join(repoRoot, dirname(file), decodeURI(target.split('#')[0]!));
        if (!existsSync(path)) broken.push(`${file} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
