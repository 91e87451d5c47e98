import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCells } from './cells.ts';
import { format2019, format2021 } from './formats/index.ts';
import { newReport } from './newReport.ts';
import { checkReport } from './rules.ts';
import { computeTotals } from './totals.ts';
import type { FormatDef } from './types.ts';

const SUM_RULES = new Set(['R3-ROW', 'R3-RES', 'R4-SUM']);

describe.each([format2021, format2019])('computeTotals then checkReport ($id)', (format: FormatDef) => {
  const year = format.id === '2021' ? 2024 : 2020;
  const counts = formatCells(format).filter((c) => c.kind === 'count');

  it('never leaves an R3-ROW, R3-RES or R4-SUM finding, whatever the values', () => {
    const values = fc.dictionary(
      fc.constantFrom(...counts.map((c) => c.id)),
      fc.oneof(fc.nat({ max: 100_000 }), fc.constant(null), fc.integer({ min: -50, max: 1e9 })),
    );
    fc.assert(
      fc.property(values, (cells) => {
        const data = { ...newReport({ organisation: { zh: '某局' }, year }), cells };
        const findings = checkReport(format, computeTotals(format, data));
        expect(findings.filter((f) => SUM_RULES.has(f.rule))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('does not change the cells it was given, other than the totals', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...counts.filter((c) => !c.computed).map((c) => c.id)), fc.nat(1000)),
        (cells) => {
          const data = { ...newReport({ organisation: { zh: '某局' }, year }), cells };
          const frozen = structuredClone(data);
          const result = computeTotals(format, data);
          expect(data).toEqual(frozen);
          for (const [id, value] of Object.entries(cells)) expect(result.cells[id]).toBe(value);
        },
      ),
      { numRuns: 100 },
    );
  });
});
