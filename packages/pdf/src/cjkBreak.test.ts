import { describe, expect, it } from 'vitest';
import { breaksLineRules, breakPieces as pieces } from './cjkBreak.ts';

describe('Chinese line-break opportunities', () => {
  it('allow a break between any two characters', () => {
    expect(pieces('公开')).toEqual(['公', '开']);
  });

  it('keep closing punctuation with the character before it and opening with the one after (避头尾)', () => {
    expect(pieces('落实《条例》，围绕')).toEqual(['落', '实', '《条', '例》，', '围', '绕']);
    expect(pieces('（一）主动公开')).toEqual(['（一）', '主', '动', '公', '开']);
    expect(pieces('“三审三校”制度；')).toEqual(['“三', '审', '三', '校”', '制', '度；']);
    expect(pieces('完成率100%。')).toEqual(['完', '成', '率', '100%。']);
  });

  it('never split a figure or a Latin word inside Chinese text, but break long addresses after / or .', () => {
    expect(pieces('信息1460条')).toEqual(['信', '息', '1460', '条']);
    expect(pieces('网址www.example.gov.cn/xxgk/index.html。')).toEqual([
      '网',
      '址',
      'www.',
      'example.',
      'gov.',
      'cn/',
      'xxgk/',
      'index.',
      'html。',
    ]);
  });

  it('leave an English word whole', () => {
    expect(pieces('Corrected')).toEqual(['Corrected']);
  });

  it('tell a line that breaks the rules', () => {
    expect(breaksLineRules('，围绕自然资源管理')).toBe(true);
    expect(breaksLineRules('公开政府信息1460条。其中《')).toBe(true);
    expect(breaksLineRules('公开政府信息1460条。')).toBe(false);
  });
});
