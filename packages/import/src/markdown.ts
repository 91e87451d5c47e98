/**
 * Markdown as converters and chat tools write a report: 「# 标题」, pipe tables with a separator
 * row (|---|:--:|), **bold** labels. The marks are taken out line by line, so line numbers stay
 * those of the input; the pipes themselves are cell marks the text reader already ignores.
 */
import { type Line, textLines } from './lines.ts';

const SEPARATOR_ROW = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/;

export function looksLikeMarkdown(text: string): boolean {
  const head = text.slice(0, 20_000);
  return /^\s*\|?\s*:?-{3,}:?\s*\|/m.test(head) || /^#{1,6}\s+\S/m.test(head);
}

export function markdownLines(text: string): Line[] {
  const plain = text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      SEPARATOR_ROW.test(line)
        ? ''
        : line
            .replace(/^\s*#{1,6}\s+/, '')
            .replace(/\*\*|__/g, '')
            .replace(/<br\s*\/?>/gi, ' '),
    )
    .join('\n');
  return textLines(plain);
}
