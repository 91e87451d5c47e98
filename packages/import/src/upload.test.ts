import { formatCells, getFormat } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { fixture } from '../test/fixture.ts';
import { readUploadedReport } from './upload.ts';

describe('an uploaded report as the import screen sums it up', () => {
  it('counts the figures read against every table figure of the format, not against those read', async () => {
    // 会昌县 中村乡 2020 prints its tables as prose: a few figures can be read, most cannot.
    const text = fixture('ganzhou-huichang-zhongcun-township-2020.txt');
    const reading = await readUploadedReport(new TextEncoder().encode(text), {});
    expect(reading.cells).toBe(formatCells(getFormat(reading.format)).length);
    expect(reading.readCells).toBeGreaterThan(0);
    expect(reading.readCells).toBeLessThan(reading.cells);
  });
});
