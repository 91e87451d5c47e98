import { readFileSync } from 'node:fs';
import { exampleJson } from '@nianbao/examples';
import { parseReport, type ReportData } from '@nianbao/schema';
import { expect, it } from 'vitest';
import { checkImported } from './checkImported.ts';
import { importText } from './importReport.ts';

const example = exampleJson('tiantan-2019') as ReportData;
const text = readFileSync(new URL('../test/fixtures/tiantan-2019.txt', import.meta.url), 'utf8');

it('imports the Tiantan 2019 text to exactly the example report (all but the English name it does not print)', () => {
  const result = importText(text);
  const { organisation, ...rest } = example;
  expect(result.data).toEqual({ ...rest, organisation: { zh: organisation.zh } });
  expect(result.unread).toEqual([]);
  expect(checkImported(result)).toEqual([]);
  expect(parseReport(result.data).ok).toBe(true);
});
