import type { CellDef, FormatDef, Lang, OrganisationContact, TextRange } from '@nianbao/schema';
import { createContext, useContext } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { FormValues } from './fields.ts';
import type { ReportStore } from './store.ts';

/** A short message for the user (a rejected keystroke, a paste) in a live region. */
export class Notices {
  private text = '';
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  current = () => this.text;
  show(text: string) {
    this.text = text;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.show(''), 6000);
    for (const l of this.listeners) l();
    if (text === '') clearTimeout(this.timer);
  }
}

export interface FormContextValue {
  format: FormatDef;
  /** The organisation's record, from which the opening statement is drafted. */
  contact: OrganisationContact;
  index: Map<string, CellDef>;
  form: UseFormReturn<FormValues>;
  store: ReportStore;
  notices: Notices;
  lang: Lang;
  readOnly: boolean;
  showEnglish: boolean;
  focusCell: (id: string) => void;
  focusNarrative: (id: string) => void;
  /** Focuses a narrative textarea and selects a stretch of it (the sentence of a finding). */
  selectText: (range: TextRange) => void;
  /** Replaces a narrative block's text as if typed. */
  writeNarrative: (block: string, lang: Lang, text: string) => void;
  /** Writes cell texts as if typed, with one recomputation. */
  writeCells: (writes: { id: string; text: string }[]) => void;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useReportForm(): FormContextValue {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error('useReportForm must be used inside <ReportForm>');
  return ctx;
}

export const cellDomId = (id: string) => `nb-cell-${id}`;
export const narrativeDomId = (id: string, lang: Lang) => `nb-text-${id}-${lang}`;
