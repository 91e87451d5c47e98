import type { Lang } from '@nianbao/schema';
import {
  cellName,
  type FormatDef,
  format2019,
  format2021,
  formatCells,
  matrixLayout,
  newReport,
  type ReportData,
} from '@nianbao/schema';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportForm, type ReportFormHandle } from './ReportForm.tsx';

afterEach(cleanup);

const formats: [FormatDef, number][] = [
  [format2019, 2019],
  [format2021, 2023],
];

function setup(format: FormatDef, year: number, lang: Lang = 'zh', data?: ReportData) {
  const report = data ?? newReport({ organisation: { zh: '天坛街道办事处' }, year });
  const ref = createRef<ReportFormHandle>();
  const onChange = vi.fn();
  const view = render(
    <ReportForm ref={ref} format={format} defaultValue={report} lang={lang} onChange={onChange} />,
  );
  const cell = (id: string) => view.container.querySelector<HTMLElement>(`[data-cell="${id}"]`)!;
  const panel = () => screen.getByRole('complementary');
  return { ...view, ref, onChange, cell, panel, user: userEvent.setup() };
}

describe.each(formats)('the %s format', (format, year) => {
  it('renders every section, every label from the definition and one labelled input per cell', () => {
    const { container, cell } = setup(format, year);
    for (const section of format.sections) {
      expect(screen.getByRole('heading', { level: 2, name: section.label.zh })).toBeTruthy();
    }
    for (const def of formatCells(format)) {
      const el = cell(def.id);
      expect(el, def.id).toBeTruthy();
      expect(el.getAttribute('aria-label')).toContain(cellName(def, 'zh'));
      expect(el.tagName).toBe(def.computed ? 'OUTPUT' : 'INPUT');
    }
    const t3 = format.sections.find((s) => s.table?.id === 't3')!.table!;
    const layout = matrixLayout(t3 as Parameters<typeof matrixLayout>[0]);
    const group = layout.body.flat().find((c) => c.node.id === 'results')!;
    const th = within(container.querySelector('[data-table="t3"]')!).getByText(group.node.label.zh);
    expect(th.getAttribute('rowspan')).toBe(String(group.rowSpan));
    expect(group.rowSpan).toBe(format.id === '2019' ? 20 : 22);
    const corner = container.querySelector('[data-table="t3"] .nb-corner')!;
    expect([corner.getAttribute('rowspan'), corner.getAttribute('colspan')]).toEqual(['3', '3']);
  });

  it('updates the totals as the user types', async () => {
    const { cell, user } = setup(format, year);
    await user.type(cell('t3.new_received.natural_person'), '12');
    await user.type(cell('t3.new_received.commercial'), '3');
    expect(cell('t3.new_received.total').textContent).toBe('15');
    await user.type(cell('t3.granted.natural_person'), '7');
    await user.type(cell('t3.partially_granted.natural_person'), '2');
    expect(cell('t3.results_total.natural_person').textContent).toBe('9');
    expect(cell('t3.results_total.total').textContent).toBe('9');
    await user.type(cell('t4.review.maintained'), '4');
    expect(cell('t4.review.total').textContent).toBe('4');
  });

  it('shows a broken R3-BAL at its cell and in the panel, and clears it when fixed', async () => {
    const { cell, user, panel } = setup(format, year);
    await user.type(cell('t3.new_received.natural_person'), '10');
    await user.type(cell('t3.granted.natural_person'), '6');
    const target = cell('t3.carried_forward.natural_person');
    expect(target.getAttribute('aria-invalid')).toBe('true');
    expect(target.getAttribute('title')).toContain('不平衡');
    const item = panel().querySelector('[data-rule="R3-BAL"]')!;
    expect(item.textContent).toContain('自然人');
    await user.type(target, '3');
    expect(panel().querySelector('[data-rule="R3-BAL"]')!.textContent).toContain('应为 4');
    await user.clear(target);
    await user.type(target, '4');
    expect(target.getAttribute('aria-invalid')).toBeNull();
    expect(panel().querySelector('[data-rule="R3-BAL"]')).toBeNull();
  });

  it('enters the balancing value offered by the panel and moves to a finding’s cell', async () => {
    const { cell, user, panel } = setup(format, year);
    await user.type(cell('t3.new_received.commercial'), '5');
    // With no outcome entered yet, no figure is offered (it could hide a typo in 新收).
    const early = panel().querySelector('[data-rule="R3-BAL"]') as HTMLElement;
    expect(within(early).queryByRole('button', { name: /^填入/ })).toBeNull();
    await user.type(cell('t3.granted.commercial'), '3');
    const item = panel().querySelector('[data-rule="R3-BAL"]')!;
    await user.click(within(item as HTMLElement).getByRole('button', { name: /定位|不平衡/ }));
    expect(document.activeElement).toBe(cell('t3.carried_forward.commercial'));
    await user.click(within(item as HTMLElement).getByRole('button', { name: '填入 2' }));
    expect((cell('t3.carried_forward.commercial') as HTMLInputElement).value).toBe('2');
    expect(panel().querySelector('[data-rule="R3-BAL"]')).toBeNull();
  });

  it('shows every cell of a finding while the user points at it in the panel', async () => {
    const { cell, user, panel } = setup(format, year);
    await user.type(cell('t3.new_received.research'), '2');
    const item = panel().querySelector<HTMLElement>('[data-rule="R3-BAL"] .nb-finding-go')!;
    await user.hover(item);
    for (const row of ['new_received', 'carried_over', 'results_total', 'carried_forward']) {
      expect(cell(`t3.${row}.research`).classList.contains('nb-involved'), row).toBe(true);
    }
    expect(cell('t3.new_received.commercial').classList.contains('nb-involved')).toBe(false);
    await user.unhover(item);
    expect(cell('t3.new_received.research').classList.contains('nb-involved')).toBe(false);
  });

  it('fills the grid from a block pasted from Excel, starting at the focused cell', async () => {
    const { cell, ref } = setup(format, year);
    const start = cell('t3.new_received.natural_person');
    start.focus();
    // Seven columns as copied from a spreadsheet, 总计 included; a thousands separator; a blank.
    const text = '1\t2\t0\t0\t1\t0\t4\r\n3\t1\t\t0\t0\t0\t4\r\n1,200\t0\t0\t0\t0\t0\t1200\r\n';
    fireEvent.paste(start, { clipboardData: { getData: () => text } });
    expect((cell('t3.new_received.commercial') as HTMLInputElement).value).toBe('2');
    expect((cell('t3.carried_over.natural_person') as HTMLInputElement).value).toBe('3');
    expect((cell('t3.granted.natural_person') as HTMLInputElement).value).toBe('1200');
    expect(cell('t3.new_received.total').textContent).toBe('4');
    expect(cell('t3.carried_over.total').textContent).toBe('4');
    expect(document.querySelector('.nb-notice')!.textContent).toContain('已粘贴 18 个单元格');
    expect(ref.current!.getData().cells['t3.granted.natural_person']).toBe(1200);
  });

  it('accepts only what the cell kind allows', async () => {
    const { cell, user } = setup(format, year);
    const input = cell('t3.new_received.natural_person') as HTMLInputElement;
    await user.type(input, '1a-2.');
    expect(input.value).toBe('12');
    // Said at the cell, naming what was refused, and tied to the input for a screen reader.
    const refusal = document.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(refusal.getAttribute('role')).toBe('alert');
    expect(refusal.textContent).toContain('「.」不能填入');
    expect(refusal.textContent).toContain('不小于 0 的整数');
    await user.type(input, '5');
    expect(input.value).toBe('125');
    expect(input.getAttribute('aria-describedby')).toBeNull();
  });

  it('takes full-width digits typed with a Chinese IME', async () => {
    const { cell, user } = setup(format, year);
    const input = cell('t3.new_received.commercial') as HTMLInputElement;
    await user.type(input, '１２０');
    expect(input.value).toBe('120');
    expect(input.getAttribute('aria-describedby')).toBeNull();
  });

  it('moves with Enter and the arrow keys, past computed cells', async () => {
    const { cell, user } = setup(format, year);
    const rows = format.id === '2021' ? 'other_misc' : 'other_handling';
    cell(`t3.${rows}.natural_person`).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(cell('t3.carried_forward.natural_person'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(cell(`t3.${rows}.natural_person`));
    cell('t3.new_received.other_org').focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cell('t3.new_received.other_org'));
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(cell('t3.new_received.legal_services'));
  });

  it('keeps blank cells blank for saving, counts them, and fills them with 0 only when asked', async () => {
    const { cell, user, ref, onChange } = setup(format, year);
    const blanks = () => Number(document.querySelector('.nb-blank')?.getAttribute('data-blank') ?? 0);
    const before = blanks();
    expect(before).toBeGreaterThan(50);
    await user.type(cell('t4.review.corrected'), '2');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ format: format.id }));
    expect(blanks()).toBe(before - 1);
    const data = ref.current!.getData();
    expect(data.cells['t4.review.corrected']).toBe(2);
    expect(data.cells['t4.review.total']).toBe(2);
    expect(data.cells['t3.granted.commercial']).toBeNull();
    await user.click(screen.getByRole('button', { name: '空格填 0' }));
    expect(document.querySelector('.nb-blank')).toBeNull();
    const filled = ref.current!.getData();
    expect(filled.cells['t3.granted.commercial']).toBe(0);
    expect(filled.cells['t4.review.corrected']).toBe(2);
    expect(Object.values(filled.cells).every((v) => v !== null)).toBe(true);
  });

  it('speaks English when asked, every label from the definition', () => {
    setup(format, year, 'en');
    for (const section of format.sections) {
      expect(screen.getByRole('heading', { level: 2, name: section.label.en })).toBeTruthy();
    }
    expect(screen.getAllByText('Natural persons').length).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { level: 2, name: 'Consistency checks' })).toBeTruthy();
  });
});

describe('reset', () => {
  it('shows other data at once: inputs, totals and findings', async () => {
    const { cell, ref, panel } = setup(format2021, 2022);
    const other = newReport({ organisation: { zh: '天坛街道办事处' }, year: 2022 });
    other.cells['t3.new_received.natural_person'] = 4;
    other.cells['t4.review.pending'] = 2;
    act(() => ref.current!.reset(other));
    expect((cell('t3.new_received.natural_person') as HTMLInputElement).value).toBe('4');
    expect(cell('t4.review.total').textContent).toBe('2');
    expect(panel().querySelector('[data-rule="R3-BAL"]')).not.toBeNull();
    expect(ref.current!.getData().cells['t4.review.pending']).toBe(2);
  });
});

describe('narrative', () => {
  it('reports an empty required block and clears it once written', async () => {
    const { user, panel } = setup(format2021, 2022);
    const findings = () => panel().querySelectorAll('[data-rule="N-REQ"]').length;
    const before = findings();
    expect(before).toBe(format2021.sections.flatMap((s) => s.narrative).filter((b) => b.required).length);
    const box = screen.getByRole('textbox', { name: '一、总体情况 （一）主动公开' });
    await user.type(box, '本年度主动公开政府信息120条。');
    expect(findings()).toBe(before - 1);
  });

  it('shows English text boxes behind a toggle', async () => {
    const { user } = setup(format2019, 2019);
    expect(screen.queryByRole('textbox', { name: /一、总体情况（英文）/ })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: '同时填写英文' }));
    expect(screen.getByRole('textbox', { name: /一、总体情况（英文）/ })).toBeTruthy();
  });
});
