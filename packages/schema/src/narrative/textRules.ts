/**
 * X-TEXT: the figures and claims of the narrative checked against the tables. A phrase that names
 * one cell (or one sum) and disagrees is an error; a phrase that reads two ways (「受理」: new
 * requests, or new and carried over) is a warning that says which reading the tables agree with.
 */
import type { Finding } from '../rules.ts';
import type { FormatDef, Label, ReportData } from '../types.ts';
import { type Claim, type ReadingValue, readClaims } from './claims.ts';

function shown(r: ReadingValue, lang: 'zh' | 'en'): string {
  return `「${r.name[lang]}」${lang === 'zh' ? '为' : ' is'} ${r.value}`;
}

function message(claim: Claim): Label {
  const [first] = claim.readings;
  const quote = claim.phrase;
  if (claim.kind === 'none' || claim.kind === 'upheld') {
    return {
      zh: `叙述称「${quote}」，但表格中${shown(first!, 'zh')}；请改正叙述或表格。`,
      en: `The text says "${quote}", but in the tables ${shown(first!, 'en').replace(/「|」/g, '"')}; correct the text or the tables.`,
    };
  }
  if (claim.readings.length === 1) {
    return {
      zh: `叙述「${quote}」与表格不一致：${shown(first!, 'zh')}；请改正叙述或表格。`,
      en: `The text "${quote}" disagrees with the tables: ${shown(first!, 'en').replace(/「|」/g, '"')}; correct the text or the table.`,
    };
  }
  const list = (lang: 'zh' | 'en') =>
    claim.readings.map((r) => shown(r, lang)).join(lang === 'zh' ? '；' : '; ');
  const match = claim.readings[claim.matched];
  return match
    ? {
        zh: `叙述「${quote}」可有两种理解（${list('zh')}），与表格相符的是「${match.name.zh}」；请写明所指，以免误读。`,
        en: `The text "${quote}" can be read two ways (${list('en')}); the tables agree with "${match.name.en}". Say which is meant.`.replace(
          /「|」/g,
          '"',
        ),
      }
    : {
        zh: `叙述「${quote}」与表格的任何一种理解都不相符（${list('zh')}）；请核对。`,
        en: `The text "${quote}" agrees with no reading of the tables (${list('en')}); check it.`.replace(
          /「|」/g,
          '"',
        ),
      };
}

/** Whether a claim is reported: the plain reading disagrees (a share: no base agrees, as bases vary). */
function isReported(claim: Claim): boolean {
  return claim.kind === 'share' ? claim.matched === -1 : claim.matched !== 0;
}

export function textFindings(format: FormatDef, data: ReportData): Finding[] {
  return readClaims(format, data)
    .filter(isReported)
    .map((claim) => ({
      rule: 'X-TEXT',
      level: claim.readings.length > 1 ? 'warning' : 'error',
      cells: claim.readings[0]!.cells,
      expected: claim.readings[0]!.value,
      actual: claim.stated,
      message: message(claim),
      range: claim.sentence,
      span: claim.span,
    }));
}
