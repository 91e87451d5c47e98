/**
 * Narrative sections as paragraphs. A PDF's text breaks a paragraph into lines (and a page break
 * into blank lines), so lines are joined without spaces, and a new paragraph starts only where
 * the text shows one: a （一） sub-heading, or a line after a finished sentence that is indented or
 * follows a blank line. In HTML every paragraph is its own line.
 */
import type { FormatDef, NarrativeBlock, ReportData } from '@nianbao/schema';
import { isPageNumber, type Line } from './lines.ts';
import { editDistance, normaliseLabel } from './normalise.ts';

const MARKER = /^[（(]([一二三四五六七八九十]{1,2})[）)]/;
const SENTENCE_END = /[。！？；：!?;:”」』）)]$/;
const ORDINALS = '一二三四五六七八九十';

/** Text as the examples keep it: a year written 「2019 年」 by a PDF is 「2019年」; no space before closing punctuation. */
function tidy(text: string): string {
  return text
    .replace(/((?:19|20)\d{2})[ \t\u00a0]+年/g, '$1年')
    .replace(/[ \t\u00a0\u3000]+([，。、；：？！）》」”』])/g, '$1')
    .trim();
}

export function paragraphs(lines: Line[]): string[] {
  const out: string[] = [];
  let current: string | undefined;
  let blank = false;
  let previousEnded = true;
  let afterHeading = false;
  for (const line of lines) {
    const raw = line.raw.replace(/\f/g, '');
    if (isPageNumber(raw)) continue;
    const text = raw.trim();
    if (text === '') {
      blank = true;
      continue;
    }
    const indent = /^[ \u00a0\u3000]{2,}/.test(raw);
    const starts: boolean =
      current === undefined ||
      line.paragraph ||
      line.tableRow ||
      MARKER.test(text) ||
      afterHeading ||
      (previousEnded && (blank || indent));
    if (starts) {
      if (current !== undefined) out.push(current);
      current = text;
    } else {
      current += text;
    }
    previousEnded = SENTENCE_END.test(text);
    // A line that is a （一） sub-heading alone is a paragraph of its own: a PDF prints the
    // sub-heading on its line and the text below without an indent the reader could see.
    afterHeading = starts && MARKER.test(text) && text.length <= 32 && !/[。；，,]/.test(text);
    blank = false;
  }
  if (current !== undefined) out.push(current);
  return out.map(tidy).filter((p) => p !== '');
}

/** Paragraphs split at （一）… sub-headings: the text before the first, then each sub-part with its heading. */
function subParts(paras: string[]): {
  intro: string[];
  parts: { ordinal: number; heading: string; body: string[] }[];
} {
  const intro: string[] = [];
  const parts: { ordinal: number; heading: string; body: string[] }[] = [];
  for (const p of paras) {
    const m = MARKER.exec(p);
    if (!m) {
      if (parts.length === 0) intro.push(p);
      else parts[parts.length - 1]!.body.push(p);
      continue;
    }
    const ordinal = ORDINALS.indexOf(m[1]!.slice(-1)) + (m[1]!.length > 1 ? 10 : 1);
    const rest = p.slice(m[0].length).trim();
    // A short line with no sentence in it is the sub-heading alone; otherwise the text follows it.
    const headingOnly = rest.length <= 30 && !/[。；]./.test(rest) && !rest.endsWith('。');
    parts.push({ ordinal, heading: headingOnly ? rest : '', body: headingOnly ? [] : [rest] });
  }
  return { intro, parts };
}

/** The block a sub-part belongs to: the one whose label reads most like its heading, else by its number. */
function blockFor(blocks: NarrativeBlock[], part: { ordinal: number; heading: string }): NarrativeBlock {
  if (part.heading) {
    const heading = normaliseLabel(part.heading);
    let best: { block: NarrativeBlock; score: number } | undefined;
    for (const block of blocks) {
      const label = normaliseLabel(block.label.zh).replace(MARKER, '');
      const score = 1 - editDistance(heading, label) / Math.max(heading.length, label.length);
      if (score >= 0.6 && (!best || score > best.score)) best = { block, score };
    }
    if (best) return best.block;
  }
  return blocks[Math.min(part.ordinal, blocks.length) - 1] ?? blocks[blocks.length - 1]!;
}

/**
 * The narrative blocks of one section from its paragraphs. A format with a single block takes the
 * whole text; one with sub-parts takes each （N） sub-part into its block, the text before the
 * first into the first block. Text without sub-parts in section 六 goes to its fee block when it
 * speaks of fees (the one required part), otherwise to 「其他」.
 */
export function sectionNarrative(
  format: FormatDef,
  sectionId: string,
  paras: string[],
): ReportData['narrative'] {
  const all = format.sections.find((s) => s.id === sectionId)?.narrative ?? [];
  // The opening statement stands before 一 (openingNarrative); the lead takes the text before （一）.
  const lead = all.find((b) => b.role === 'lead');
  const blocks = all.filter((b) => !b.role);
  const out: ReportData['narrative'] = {};
  if (blocks.length === 0 || paras.length === 0) return out;
  const add = (block: NarrativeBlock, text: string[]) => {
    if (text.length === 0) return;
    const joined = text.join('\n');
    out[block.id] = { zh: out[block.id] ? `${out[block.id]!.zh}\n${joined}` : joined };
  };
  if (blocks.length === 1) {
    // One free text (2019): it keeps its sub-parts and the paragraph before them, as printed.
    add(blocks[0]!, paras);
    return out;
  }
  const { intro, parts } = subParts(paras);
  if (parts.length === 0) {
    const fees = /收费|信息处理费|费用/.test(intro.join(''));
    add(fees || sectionId !== 's6' ? blocks[0]! : blocks[blocks.length - 1]!, intro);
    return out;
  }
  const targets = parts.map((p) => blockFor(blocks, p));
  add(lead ?? targets[0]!, intro);
  parts.forEach((part, i) => {
    add(targets[i]!, part.body);
  });
  return out;
}

/** A paragraph of the opening statement: the report speaks of itself or of the 条例 it is made under. */
const OPENING = /本(?:年度)?报告|政府信息公开条例|如对本报告/;
/** A title that a PDF's text ran into the next paragraph. */
const TITLE_HEAD = /^[^《。，；]{2,60}?政府信息公开工作年度报告/;

/**
 * The opening statement among the paragraphs before 一 (docs/formats.md §2): from the first that
 * reads like one to the last, so that a portal's navigation and 发布机构 lines above it stay out.
 */
export function openingNarrative(format: FormatDef, paras: string[]): ReportData['narrative'] {
  const block = format.sections.flatMap((s) => s.narrative).find((b) => b.role === 'opening');
  const texts = paras.map((p) => {
    const head = TITLE_HEAD.exec(p);
    return head && OPENING.test(p.slice(head[0].length)) ? p.slice(head[0].length).trim() : p;
  });
  const first = texts.findIndex((p) => OPENING.test(p));
  if (!block || first < 0) return {};
  let last = first;
  texts.forEach((p, i) => {
    if (i > first && OPENING.test(p)) last = i;
  });
  return { [block.id]: { zh: texts.slice(first, last + 1).join('\n') } };
}
