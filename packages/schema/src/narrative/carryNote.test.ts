import { describe, expect, it } from 'vitest';
import { getFormat } from '../formats/index.ts';
import {
  carryNoteSentence,
  hasCarryNote,
  mentionsCarryNote,
  otherMattersBlock,
  withCarryNote,
} from './carryNote.ts';

const NOTE = '2021 年度报告结转数有误，经核对台账实为 3 件';

describe('the carry-over reason as a sentence of 六', () => {
  it('goes to 六’s other matters in either format', () => {
    expect(otherMattersBlock(getFormat('2021')).id).toBe('s6.other');
    expect(otherMattersBlock(getFormat('2019')).id).toBe('s6.body');
  });

  it('names last year’s report and ends with a stop, in Chinese and English', () => {
    expect(carryNoteSentence(2022, NOTE, 'zh')).toBe(
      `本报告所列上年结转数与2021年度报告所列数字不一致，原因是：${NOTE}。`,
    );
    expect(carryNoteSentence(2022, `${NOTE}。`, 'zh')).toBe(carryNoteSentence(2022, NOTE, 'zh'));
    expect(carryNoteSentence(2022, 'The 2021 report miscounted;\nthe ledger shows 3', 'en')).toBe(
      'The figures carried over in this report differ from those of the 2021 report. The reason: The 2021 report miscounted; the ledger shows 3.',
    );
  });

  it('is added as a paragraph of its own, and replaced rather than repeated when the note changes', () => {
    const text = '本年度无其他需要报告的事项。';
    const once = withCarryNote(text, 2022, NOTE, 'zh');
    expect(once).toBe(`${text}\n${carryNoteSentence(2022, NOTE, 'zh')}`);
    expect(hasCarryNote(once, 2022, NOTE, 'zh')).toBe(true);
    expect(withCarryNote('', 2022, NOTE, 'zh')).toBe(carryNoteSentence(2022, NOTE, 'zh'));

    const changed = '经核对台账实为 4 件';
    expect(hasCarryNote(once, 2022, changed, 'zh')).toBe(false);
    expect(mentionsCarryNote(once, 2022, 'zh')).toBe(true);
    const twice = withCarryNote(once, 2022, changed, 'zh');
    expect(twice).toBe(`${text}\n${carryNoteSentence(2022, changed, 'zh')}`);
    // An empty note takes the sentence out again, leaving what the writer wrote.
    expect(withCarryNote(twice, 2022, '  ', 'zh')).toBe(text);
    expect(mentionsCarryNote(text, 2022, 'zh')).toBe(false);
  });
});
