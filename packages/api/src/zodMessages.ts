/**
 * zod's own messages (for the API's inputs; the report schema writes its own) in both languages,
 * `zh｜en` like every other message of the API. zod's configuration is per process: importing the
 * API sets it for the process, which on the server is what every zod message should be.
 */
import { z } from 'zod';

const zh = z.locales.zhCN().localeError!;
const en = z.locales.en().localeError!;
const text = (m: unknown): string =>
  typeof m === 'string' ? m : ((m as { message?: string } | undefined)?.message ?? '');

z.config({
  localeError: (issue) => {
    const message = `${text(zh(issue))}｜${text(en(issue))}`;
    return message;
  },
});
