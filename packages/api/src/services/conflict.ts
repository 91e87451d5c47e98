import type { Db, ReportRow } from '@nianbao/db';
import { apiError } from '../errors.ts';
import { reportData, userNames, userRef } from './reports.ts';

/**
 * CONFLICT: the report is no longer at the version the user worked on. The error carries the current
 * version and data, and the id of the copy kept of a refused save, so that the client can merge.
 */
export async function conflict(db: Db, current: ReportRow, rejectedSaveId?: number): Promise<never> {
  const by = userRef(await userNames(db, [current.updated_by]), current.updated_by);
  const kept =
    rejectedSaveId === undefined
      ? { zh: '您的操作未执行', en: 'yours was not applied' }
      : {
          zh: '您的内容没有覆盖它，已另存为冲突副本',
          en: 'yours did not overwrite it and is kept as a conflict copy',
        };
  throw apiError(
    'CONFLICT',
    {
      zh: `报告已被${by?.displayName ?? '他人'}修改（当前为第 ${current.version} 版）；${kept.zh}，请在最新版本上合并后再保存`,
      en: `The report was changed by ${by?.displayName ?? 'someone else'} (now version ${current.version}); ${kept.en}: merge onto the latest version and save again`,
    },
    {
      conflict: {
        version: current.version,
        data: reportData(current),
        updatedAt: current.updated_at,
        updatedBy: by,
        rejectedSaveId,
      },
    },
  );
}
