/**
 * zod's own messages for the API's inputs, in both languages. The report schema and our inputs
 * write their own messages (`bilingual()` of @nianbao/schema, the form zod carries them in); zod's
 * defaults are worded here from its zh-CN and en locales when an error is formatted, rather than by
 * configuring zod for the whole process, which would change the messages of every other user of zod.
 */

import type { Label } from '@nianbao/schema';
import { splitBilingual } from '@nianbao/schema';
import { z } from 'zod';

const zh = z.locales.zhCN().localeError!;
const en = z.locales.en().localeError!;
const text = (m: unknown): string =>
  typeof m === 'string' ? m : ((m as { message?: string } | undefined)?.message ?? '');

/** What the request held at `path`: the locales say what they received. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    value =
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return value;
}

export interface IssueLike {
  path: PropertyKey[];
  message: string;
}

export function issueMessage(issue: IssueLike, input: unknown): Label {
  if (issue.message.includes('｜')) return splitBilingual(issue.message);
  const raw = { ...issue, input: valueAt(input, issue.path) } as Parameters<typeof zh>[0];
  return { zh: text(zh(raw)) || issue.message, en: text(en(raw)) || issue.message };
}
