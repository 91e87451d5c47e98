import type { Lang } from '../appWords.ts';
import type { Label } from '../types.ts';

export type { Lang };

/** A stretch of one narrative block's text in one language: [start, end) in UTF-16 code units. */
export interface TextRange {
  block: string;
  lang: Lang;
  start: number;
  end: number;
}

/** One way of reading a phrase: the cells it names, summed. */
export interface Reading {
  cells: string[];
  name: Label;
}
