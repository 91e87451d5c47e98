export type { CarriedFrom } from './CarryOver.tsx';
export type { FormValues } from './fields.ts';
export { ReportForm, type ReportFormHandle, type ReportFormProps } from './ReportForm.tsx';
export type { FormFinding, Marker } from './store.ts';
