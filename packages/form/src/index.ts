export type { CarriedFrom } from './CarryOver.tsx';
export { FindingsPanel } from './FindingsPanel.tsx';
export {
  acceptsWhileTyping,
  cellValue,
  type FormValues,
  fromFormValues,
  pastedText,
  toFormValues,
} from './fields.ts';
export { type GridModel, gridModel, neighbour, parseClipboard, pastePlan } from './grid.ts';
export { type Lang, words } from './i18n.ts';
export { ReportForm, type ReportFormHandle, type ReportFormProps } from './ReportForm.tsx';
export { type FormFinding, type Marker, ReportStore } from './store.ts';
