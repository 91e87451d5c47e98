/**
 * What the editor does to a report besides typing, one mutation per action: the workflow steps
 * (submit, approve, return, reopen — a withdrawal is a reopening without a reason), restoring a
 * version and importing a file into it. Each keeps its own pending and error state, for the dialog
 * or button that started it. On a report the user may edit, what they typed is saved first, so that
 * the action takes what they see, and the action is sent on the version that save made; a save the
 * server refused stops it with the save's reason.
 */
import type { Report } from '@nianbao/api';
import type { Lang, ReportData } from '@nianbao/schema';
import { useMutation } from '@tanstack/react-query';
import { t, type Word } from './i18n.ts';
import type { SaveQueue } from './saveQueue.ts';
import { errorMessage, useTRPC, useTRPCClient } from './trpc.ts';
import { readUpload } from './upload.ts';

/** What to tell the user after an action: a word of the app with its values. */
export interface Notice {
  word: Word;
  vars?: Record<string, string | number>;
}

/** Stops an action whose report could not be saved first. */
class NotSaved extends Error {
  constructor(readonly refused: unknown) {
    super('not saved');
  }
}

/** What an action's error says, in the user's language. */
export function actionError(error: unknown, lang: Lang): string {
  if (!(error instanceof NotSaved)) return errorMessage(error, lang);
  // A save the server refused: its reason in full (a text over the length limit, say).
  return error.refused ? `${t.notSaved[lang]}${errorMessage(error.refused, lang)}` : t.notSavedYet[lang];
}

export function useReportSteps({
  report,
  queue,
  onDone,
}: {
  /** The report as last read (its permissions say whether there is anything to save first). */
  report: Report;
  queue: SaveQueue;
  /**
   * After an action worked: read the report again and say what happened. The action stays pending
   * until this has finished, so its button cannot be pressed again on the report as it was.
   */
  onDone: (notice: Notice, data?: ReportData) => Promise<void>;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const id = report.id;

  /** The version to act on, once what the user typed is on the server. */
  const savedVersion = async () => {
    if (report.permissions.canEdit && !(await queue.flush())) throw new NotSaved(queue.error);
    return queue.version;
  };
  /** After a restore or an import: the version it made is the one to edit on, with its data in the form. */
  const replaced = (result: { version: number; data: ReportData }) => {
    queue.setVersion(result.version);
    return result.data;
  };

  const submit = useMutation({
    mutationKey: trpc.reports.submit.mutationKey(),
    mutationFn: async ({ allZero }: { allZero: boolean }) =>
      client.reports.submit.mutate({
        id,
        version: await savedVersion(),
        ...(allZero ? { allZeroConfirmed: true } : {}),
      }),
    onSuccess: () => onDone({ word: t.submittedDone }),
  });
  const approve = useMutation({
    mutationKey: trpc.reports.approve.mutationKey(),
    mutationFn: async () => client.reports.approve.mutate({ id, version: await savedVersion() }),
    onSuccess: () => onDone({ word: t.approvedDone }),
  });
  const giveBack = useMutation({
    mutationKey: trpc.reports.return.mutationKey(),
    mutationFn: async ({ comment }: { comment: string }) =>
      client.reports.return.mutate({ id, version: await savedVersion(), comment }),
    onSuccess: () => onDone({ word: t.returnedDone }),
  });
  const reopen = useMutation({
    mutationKey: trpc.reports.reopen.mutationKey(),
    /** Without a reason: the submitter withdrawing (`permissions.canWithdraw`). */
    mutationFn: async ({ reason }: { reason?: string }) =>
      client.reports.reopen.mutate({ id, version: await savedVersion(), ...(reason ? { reason } : {}) }),
    onSuccess: (_, { reason }) => onDone({ word: reason ? t.reopenedDone : t.withdrawnDone }),
  });
  const restore = useMutation({
    mutationKey: trpc.reports.restore.mutationKey(),
    mutationFn: async ({ version }: { version: number }) =>
      client.reports.restore.mutate({ id, version, baseVersion: await savedVersion() }),
    onSuccess: (result, { version }) => onDone({ word: t.restored, vars: { n: version } }, replaced(result)),
  });
  const importInto = useMutation({
    mutationKey: trpc.imports.into.mutationKey(),
    mutationFn: async ({ file, lang }: { file: File; lang: Lang }) => {
      // The file first: one too large is refused before anything is sent.
      const upload = await readUpload(file, lang);
      const result = await client.imports.into.mutate({
        id,
        baseVersion: await savedVersion(),
        file: upload,
      });
      return { ...result, name: upload.name };
    },
    onSuccess: (result) =>
      onDone(
        {
          word: t.importedInto,
          vars: { name: result.name, n: result.version, read: result.reading.readCells },
        },
        replaced(result),
      ),
  });
  return { submit, approve, return: giveBack, reopen, restore, importInto };
}
