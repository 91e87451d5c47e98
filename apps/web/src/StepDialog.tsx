/** The confirmation of a workflow step, with the comment or check box it needs. */
import { t, useLang } from './i18n.ts';
import { WorkflowDialog } from './WorkflowDialog.tsx';

/** The status change waiting for the user's confirmation. */
export type Step = 'submit' | 'approve' | 'return' | 'reopen' | 'withdraw';

export function StepDialog({
  step,
  allZero,
  pending,
  error,
  onCancel,
  onConfirm,
}: {
  step: Step;
  allZero: boolean;
  /** The step has been sent and not yet answered. */
  pending: boolean;
  /** Why the server (or the save before it) refused the step, in the user's language. */
  error: string | null;
  onCancel: () => void;
  onConfirm: (comment: string, allZero: boolean) => void;
}) {
  const { say } = useLang();
  const common = { pending, error, onCancel, onConfirm: (comment: string) => onConfirm(comment, allZero) };
  switch (step) {
    case 'submit':
      return (
        <WorkflowDialog
          {...common}
          title={say(t.submit)}
          text={say(t.submitText)}
          checkLabel={allZero ? say(t.allZeroCheck) : undefined}
          action={say(t.submitConfirm)}
        />
      );
    case 'approve':
      return (
        <WorkflowDialog
          {...common}
          title={say(t.approve)}
          text={say(t.approveText)}
          action={say(t.approveConfirm)}
        />
      );
    case 'return':
      return (
        <WorkflowDialog
          {...common}
          title={say(t.return)}
          commentLabel={say(t.returnComment)}
          action={say(t.returnConfirm)}
          danger
        />
      );
    case 'reopen':
      return (
        <WorkflowDialog
          {...common}
          title={say(t.reopen)}
          commentLabel={say(t.reopenReason)}
          action={say(t.reopenConfirm)}
        />
      );
    case 'withdraw':
      return (
        <WorkflowDialog
          {...common}
          title={say(t.withdraw)}
          text={say(t.withdrawText)}
          action={say(t.withdraw)}
        />
      );
  }
}
