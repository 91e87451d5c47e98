/**
 * A table region as segments — the text read since the last figure, then the figures that follow
 * it — and as one normal-form string that remembers the line of each character.
 */
import { type Line, onlyFigures, type Token } from './lines.ts';
import { normaliseLabel } from './normalise.ts';

export type ValueToken = Extract<Token, { type: 'number' | 'empty' }>;

export interface Value {
  token: ValueToken;
  line: number;
}

export interface Segment {
  /** Normal-form text before the figures. */
  text: string;
  /** Line of the last text piece (where the label of the figures ends). */
  textLine: number;
  /** Line of each character of `text`. */
  lineAt: number[];
  /** The printed character behind each character of `text` (for messages). */
  source: string[];
  values: Value[];
}

/** Normal form character by character, remembering which printed character each came from. */
function normaliseChars(text: string): { normal: string; source: string[] } {
  let normal = '';
  const source: string[] = [];
  for (const ch of text) {
    const n = normaliseLabel(ch);
    normal += n;
    for (let i = 0; i < n.length; i++) source.push(ch);
  }
  return { normal, source };
}

export function segmentsOf(lines: Line[]): Segment[] {
  const out: Segment[] = [];
  let current: Segment = { text: '', textLine: lines[0]?.no ?? 1, lineAt: [], source: [], values: [] };
  for (const line of lines) {
    for (const token of line.tokens) {
      if (token.type === 'text') {
        if (current.values.length > 0) {
          out.push(current);
          current = { text: '', textLine: line.no, lineAt: [], source: [], values: [] };
        }
        const { normal, source } = normaliseChars(token.text);
        current.text += normal;
        current.source.push(...source);
        for (let i = 0; i < normal.length; i++) current.lineAt.push(line.no);
        current.textLine = line.no;
      } else {
        current.values.push({ token, line: line.no });
      }
    }
  }
  out.push(current);
  return out;
}

export interface RegionText {
  text: string;
  /** Line number of each character of `text`. */
  lineAt: number[];
  /** The printed character behind each character of `text`. */
  source: string[];
}

export function regionText(lines: Line[]): RegionText {
  let text = '';
  const lineAt: number[] = [];
  const source: string[] = [];
  for (const line of lines) {
    for (const token of line.tokens) {
      if (token.type !== 'text') continue;
      const chars = normaliseChars(token.text);
      text += chars.normal;
      source.push(...chars.source);
      for (let i = 0; i < chars.normal.length; i++) lineAt.push(line.no);
    }
  }
  return { text, lineAt, source };
}

export function valuesOf(lines: Line[]): Value[] {
  return lines.flatMap((line) =>
    line.tokens.filter((t): t is ValueToken => t.type !== 'text').map((token) => ({ token, line: line.no })),
  );
}

/** Groups of figures as printed: a run of lines that each hold one figure is one column of consecutive rows. */
export function runs(lines: Line[]): Value[][] {
  const out: Value[][] = [];
  let run: Value[] = [];
  let lastNo = -2;
  const close = () => {
    if (run.length > 0) out.push(run);
    run = [];
  };
  for (const line of lines) {
    const values = line.tokens.filter((t) => t.type !== 'text');
    if (values.length === 1 && onlyFigures(line) && !line.tableRow) {
      if (line.no !== lastNo + 1) close();
      run.push({ token: values[0] as Value['token'], line: line.no });
      lastNo = line.no;
      continue;
    }
    if (line.tokens.length > 0 || line.raw.trim() !== '') {
      close();
      lastNo = -2;
    }
    for (const token of values) out.push([{ token: token as Value['token'], line: line.no }]);
  }
  close();
  return out;
}
