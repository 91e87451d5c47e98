import { type ExampleName, exampleJson } from '@nianbao/examples';
import type { ReportData } from '../src/types.ts';

/** The example reports of the repository (@nianbao/examples). */
export function loadExample(name: ExampleName): ReportData {
  return exampleJson(name) as ReportData;
}
