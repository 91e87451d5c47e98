/**
 * The live state derived from the form's values: totals and findings. Kept outside React so that a
 * keystroke re-renders only the cells whose total or marker changed and the findings panel, never
 * the whole form.
 */
import type { Lang } from '@nianbao/schema';
import {
  blankTableFindings,
  type CellDef,
  cellIndex,
  checkReport,
  computeTotals,
  type Finding,
  type FormatDef,
  formatCells,
  narrativeFindings,
  type ReportData,
} from '@nianbao/schema';
import { cellValue } from './fields.ts';

export type Marker = '' | 'error' | 'warning';

export interface FormFinding extends Finding {
  /** A narrative block to write (N-REQ). */
  narrative?: string;
}

export class ReportStore {
  private data: ReportData;
  private findingsList: FormFinding[] = [];
  private markers = new Map<string, Marker>();
  private invalidCells = new Set<string>();
  private listeners = new Set<() => void>();
  private batching = 0;
  private readonly index: Map<string, CellDef>;
  readonly format: FormatDef;
  private previous: ReportData | undefined;

  // Fields assigned here rather than parameter properties: the form compiles under
  // erasableSyntaxOnly (Vite's React template), which has no parameter properties.
  constructor(format: FormatDef, data: ReportData, previous?: ReportData) {
    this.format = format;
    this.previous = previous;
    this.index = cellIndex(format);
    this.data = computeTotals(format, data);
    this.recompute();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The report with every total computed. */
  get report(): ReportData {
    return this.data;
  }

  get findings(): FormFinding[] {
    return this.findingsList;
  }

  marker = (cell: string): Marker => this.markers.get(cell) ?? '';

  /** Whether the cell takes part in an error (every cell of a column that does not balance, say). */
  invalid = (cell: string): boolean => this.invalidCells.has(cell);

  private highlighted = new Set<string>();

  /** Whether a cell takes part in the finding the user is pointing at in the panel. */
  involved = (cell: string): boolean => this.highlighted.has(cell);

  /** Shows the cells of a finding (all of R3-BAL's column, say); undefined clears. */
  highlight(cells: string[] | undefined): void {
    this.highlighted = new Set(cells);
    for (const listener of this.listeners) listener();
  }

  value = (cell: string): ReportData['cells'][string] => this.data.cells[cell] ?? null;

  /** The cells a user has not filled in yet (blank is not 0: 「空格填 0」 says 0 on purpose). */
  blankCells(): string[] {
    const blank: string[] = [];
    for (const cell of formatCells(this.format)) {
      if (cell.computed) continue;
      const v = this.data.cells[cell.id];
      if (v === null || v === undefined || v === '') blank.push(cell.id);
    }
    return blank;
  }

  setCellText(id: string, text: string): void {
    const cell = this.index.get(id);
    if (!cell || cell.computed) return;
    this.data = { ...this.data, cells: { ...this.data.cells, [id]: cellValue(cell.kind, text) } };
    this.changed();
  }

  setNarrative(id: string, lang: Lang, text: string): void {
    const current = this.data.narrative[id] ?? { zh: '' };
    this.data = { ...this.data, narrative: { ...this.data.narrative, [id]: { ...current, [lang]: text } } };
    this.changed();
  }

  replace(data: ReportData, previous = this.previous): void {
    this.previous = previous;
    this.data = data;
    this.changed();
  }

  /** Runs several changes (a paste) with one recomputation at the end. */
  batch(run: () => void): void {
    this.batching++;
    try {
      run();
    } finally {
      this.batching--;
      this.changed();
    }
  }

  private changed(): void {
    if (this.batching > 0) return;
    this.data = computeTotals(this.format, this.data);
    this.recompute();
    for (const listener of this.listeners) listener();
  }

  private recompute(): void {
    const findings: FormFinding[] = [
      ...checkReport(this.format, this.data, { previous: this.previous }),
      ...narrativeFindings(this.format, this.data),
      ...blankTableFindings(this.format, this.data),
    ];
    this.findingsList = [
      ...findings.filter((f) => f.level === 'error'),
      ...findings.filter((f) => f.level !== 'error'),
    ];
    const markers = new Map<string, Marker>();
    for (const f of this.findingsList) {
      const first = f.cells[0];
      if (first && markers.get(first) !== 'error') markers.set(first, f.level);
    }
    this.markers = markers;
    this.invalidCells = new Set(this.findingsList.flatMap((f) => (f.level === 'error' ? f.cells : [])));
  }
}
