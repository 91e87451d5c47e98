/**
 * The one rule for text a user types (narrative, names, comments, logins): it must be well-formed
 * Unicode without invisible control characters or bidirectional overrides. An unpaired surrogate
 * cannot be encoded (downloads named after it failed), U+0000 cuts strings short in C libraries and
 * PDFs, and an override such as U+202E shows text in an order other than the stored one.
 */
import type { z } from 'zod';
import type { Label } from './types.ts';

export interface PlainTextOptions {
  /** Paragraphs: newline, carriage return and tab are allowed. A single-line field refuses them too. */
  multiline?: boolean;
}

// C0 controls, DEL and C1 controls; the multiline set leaves out \t \n \r. Finding them is the point.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused.
const CONTROL_LINE = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above.
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** `value` with each unpaired surrogate replaced by U+FFFD (String.prototype.toWellFormed, ES2024). */
export function wellFormed(value: string): string {
  return value.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd');
}

/** What is wrong with `value` as the text of `field` (named in the message), or undefined when nothing. */
export function plainTextProblem(
  value: string,
  field: Label,
  options: PlainTextOptions = {},
): Label | undefined {
  const lone = LONE_SURROGATE.exec(value);
  if (lone) {
    const at = [...value.slice(0, lone.index)].length + 1;
    return {
      zh: `「${field.zh}」第 ${at} 个字符是无效的 Unicode 字符（不成对的代理项），请删除后重新输入`,
      en: `"${field.en}" has an invalid Unicode character (an unpaired surrogate) at character ${at}; delete it and type it again`,
    };
  }
  const control = (options.multiline ? CONTROL_MULTILINE : CONTROL_LINE).exec(value);
  if (control) {
    const at = [...value.slice(0, control.index)].length + 1;
    return {
      zh: `「${field.zh}」第 ${at} 个字符是不可见的控制字符（${codePoint(control[0])}），请删除`,
      en: `"${field.en}" has an invisible control character (${codePoint(control[0])}) at character ${at}; remove it`,
    };
  }
  const bidi = BIDI_OVERRIDE.exec(value);
  if (bidi) {
    const at = [...value.slice(0, bidi.index)].length + 1;
    return {
      zh: `「${field.zh}」第 ${at} 个字符是改变文字方向的控制符（${codePoint(bidi[0])}），请删除`,
      en: `"${field.en}" has a text direction override (${codePoint(bidi[0])}) at character ${at}; remove it`,
    };
  }
  return undefined;
}

/** `schema` refusing what `plainTextProblem` finds, with the message `zh｜en`. */
export function plainText<T extends z.ZodString>(schema: T, field: Label, options: PlainTextOptions = {}): T {
  return schema.superRefine((value, ctx) => {
    const problem = plainTextProblem(value, field, options);
    if (problem) ctx.addIssue({ code: 'custom', message: `${problem.zh}｜${problem.en}` });
  }) as T;
}
