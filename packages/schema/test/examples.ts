import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReportData } from '../src/types.ts';

/** The example reports of the repository (examples/*.report.json). */
export function loadExample(name: 'tiantan-2019' | 'demo-county-2021'): ReportData {
  const url = new URL(`../../../examples/${name}.report.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as ReportData;
}
