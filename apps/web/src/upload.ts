/** Files in and out of the browser: an upload as base64 for the API, a download of report JSON. */
import type { ReportData } from '@nianbao/schema';
import { type Lang, say } from '@nianbao/schema';
import { t } from './i18n.ts';

/** The API takes at most 2.5 MB (base64 makes it 3.4 MB, under the server's 4 MB request limit). */
const MAX_UPLOAD_BYTES = 2.5 * 1024 * 1024;

export interface Upload {
  name: string;
  content: string;
}

/** The file as the API's `{ name, content }`; an Error in the user's language when it is too large. */
export async function readUpload(file: File, lang: Lang): Promise<Upload> {
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new Error(say(t.tooLarge, lang, { name: file.name, size: (file.size / 1024 / 1024).toFixed(1) }));
  }
  const dataUrl = await new Promise<string>((ok, fail) => {
    const reader = new FileReader();
    reader.onload = () => ok(String(reader.result));
    reader.onerror = () => fail(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
  return { name: file.name, content: dataUrl.slice(dataUrl.indexOf(',') + 1) };
}

export function downloadJson(data: ReportData, name: string): void {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const ACCEPT =
  '.pdf,.docx,.doc,.txt,.md,.html,.htm,.json,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown,text/html,application/json';
