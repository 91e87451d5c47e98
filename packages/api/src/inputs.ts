/** Input pieces shared by the routers. Ids and versions are database integers. */
import { z } from 'zod';

const INT32 = 2_147_483_647;

export const id = z.number().int().positive().max(INT32);
export const version = z.number().int().positive().max(INT32);
