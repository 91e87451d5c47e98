import { pinyin } from 'pinyin-pro';

/**
 * The 拼音 initials of a body's Chinese name, lower case, for finding it by typing them
 * (洪泽区人民政府 → hzqrmzf). pinyin-pro reads polyphones in context (重庆 → cq, 长沙 → cs); letters and
 * digits in the name are kept as they are. Stored with the organisation, so the desk's name filter
 * stays one SQL query instead of converting every name of the tree on each request.
 */
export function nameInitials(nameZh: string): string {
  return pinyin(nameZh, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/[^0-9a-z]/gi, '')
    .toLowerCase();
}
