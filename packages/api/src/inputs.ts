/** Input pieces shared by the routers. Ids and versions are database integers. */
import { MIN_PASSWORD_LENGTH } from '@nianbao/db';
import { z } from 'zod';

const INT32 = 2_147_483_647;

export const id = z.number().int().positive().max(INT32);
export const version = z.number().int().positive().max(INT32);

/** A password someone chooses; the message names it as the form does and by its input field. */
export const chosenPassword = (field: string, name: { zh: string; en: string }) =>
  z
    .string()
    .min(
      MIN_PASSWORD_LENGTH,
      `${name.zh}（${field}）至少 ${MIN_PASSWORD_LENGTH} 个字符｜${name.en}: at least ${MIN_PASSWORD_LENGTH} characters`,
    )
    .max(200);
