/**
 * The example reports: the Tiantan 2019 report as published (the demo seed uses it) and an invented
 * 2021 county report with English text. Node only: they are read from disk, where a command line or
 * a test can also be given their path. Plain JavaScript (types in index.d.ts), so that the server
 * built to dist/ and run with plain node can seed the demo from it without a build step here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const EXAMPLES = /** @type {const} */ (['tiantan-2019', 'demo-county-2021']);

/** The file of an example, e.g. for `nianbao render <file>`. */
export function examplePath(name) {
  return fileURLToPath(new URL(`./${name}.report.json`, import.meta.url));
}

export function exampleText(name) {
  return readFileSync(examplePath(name), 'utf8');
}

/** The report data as stored in the file (not yet parsed by @nianbao/schema). */
export function exampleJson(name) {
  return JSON.parse(exampleText(name));
}
