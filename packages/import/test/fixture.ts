import { readFileSync } from 'node:fs';

/** A fixture's text; its `source:` line documents the copy and is blanked so that line numbers stay. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8').replace(/^source:[^\n]*/, '');
}
