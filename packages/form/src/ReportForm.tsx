import {
  cellIndex,
  computeTotals,
  type FormatDef,
  type Lang,
  type OrganisationContact,
  type ReportData,
  reportTitle,
  say,
  type TextRange,
} from '@nianbao/schema';
import type { Ref } from 'react';
import { memo, useEffect, useImperativeHandle, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { useForm } from 'react-hook-form';
import { BlankCells } from './BlankCells.tsx';
import { type CarriedFrom, CarryOver } from './CarryOver.tsx';
import {
  cellDomId,
  FormContext,
  type FormContextValue,
  Notices,
  narrativeDomId,
  useReportForm,
} from './context.ts';
import { FindingsPanel, FindingsToggle } from './FindingsPanel.tsx';
import { cellField, type FormValues, fromFormValues, narrativeField, toFormValues } from './fields.ts';
import { BlocksGrid, MatrixGrid } from './Grids.tsx';
import { words } from './i18n.ts';
import { NarrativeEditor } from './Narrative.tsx';
import { type FormFinding, ReportStore } from './store.ts';

export interface ReportFormHandle {
  /** The report as it stands, totals computed; blank cells stay null (they are saved blank). */
  getData(): ReportData;
  findings(): FormFinding[];
  /** Replaces what the form shows (a restored revision, the other side of a conflict). */
  reset(data: ReportData): void;
  focusCell(id: string): void;
  /** Shows the English boxes and puts the cursor in a narrative block's English text. */
  editEnglish(block: string): void;
}

export interface ReportFormProps {
  format: FormatDef;
  /** The report to edit; later changes of this prop are ignored, use the handle's `reset`. */
  defaultValue: ReportData;
  lang: Lang;
  /** Last year's report, for the cross-year rules (X-CARRY, R2-STOCK). */
  previous?: ReportData;
  /** Which version of last year's report `previous` is, and its status; null when there is none. */
  carriedFrom?: CarriedFrom | null;
  /** The organisation's contact details, for drafting the opening statement. */
  contact?: OrganisationContact;
  readOnly?: boolean;
  /** Only the tables, without narrative, bars or findings (the 汇总 page shows its sums so). */
  tablesOnly?: boolean;
  /** Called after every change with the report (totals computed, empty cells empty). */
  onChange?: (data: ReportData) => void;
  /** Called with the findings whenever they may have changed. */
  onFindings?: (findings: FormFinding[]) => void;
  ref?: Ref<ReportFormHandle>;
}

function sectionOf(
  format: FormatDef,
  f: FormFinding,
  index: ReturnType<typeof cellIndex>,
): string | undefined {
  if (f.narrative) return format.sections.find((s) => s.narrative.some((b) => b.id === f.narrative))?.id;
  const cell = f.cells[0] ? index.get(f.cells[0]) : undefined;
  return cell?.section.id;
}

/** Scrolls a section under the sticky bars and moves the keyboard focus to its heading. */
function goToSection(id: string) {
  const heading = document.getElementById(`nb-h-${id}`);
  if (!heading) return;
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

const SectionNav = memo(function SectionNav() {
  const { format, store, lang, index } = useReportForm();
  const counts = useSyncExternalStore(store.subscribe, () =>
    format.sections
      .map(
        (s) =>
          store.findings.filter((f) => f.level === 'error' && sectionOf(format, f, index) === s.id).length,
      )
      .join(','),
  );
  const perSection = counts.split(',').map(Number);
  return (
    <nav className="nb-toc" aria-label={words.sections[lang]}>
      {format.sections.map((s, i) => (
        <a
          key={s.id}
          href={`#nb-section-${s.id}`}
          className="nb-toc-link"
          title={s.label[lang]}
          onClick={(e) => {
            // The app routes by the hash: move within the page instead of changing it.
            e.preventDefault();
            goToSection(s.id);
          }}
        >
          <span className="nb-toc-text">{s.label[lang]}</span>
          {perSection[i]! > 0 && (
            <span className="nb-toc-badge">
              {perSection[i]}
              <span className="nb-visually-hidden">
                {say(words.sectionErrors, lang, { n: perSection[i]! })}
              </span>
            </span>
          )}
        </a>
      ))}
    </nav>
  );
});

function Notice() {
  const { notices } = useReportForm();
  const text = useSyncExternalStore(notices.subscribe, notices.current);
  return (
    <p className="nb-notice" role="status" aria-live="polite">
      {text}
    </p>
  );
}

const Details = memo(function Details({ data }: { data: ReportData }) {
  const { form, lang, readOnly, format, store } = useReportForm();
  const title = reportTitle(data)[lang];
  const org = form.register('organisationEn');
  const date = form.register('date');
  return (
    <header className="nb-details">
      <h1 className="nb-title">{title}</h1>
      <dl className="nb-facts">
        <div>
          <dt>{words.year[lang]}</dt>
          <dd>{data.year}</dd>
        </div>
        <div>
          <dt>{words.format[lang]}</dt>
          <dd title={format.basis[lang]}>{format.label[lang]}</dd>
        </div>
        <div>
          <dt>{words.organisation[lang]}</dt>
          <dd>{(lang === 'en' && data.organisation.en) || data.organisation.zh}</dd>
        </div>
      </dl>
      <div className="nb-detail-fields">
        <label>
          <span>{words.organisationEn[lang]}</span>
          <input
            {...org}
            className="nb-input"
            readOnly={readOnly}
            onChange={(e) => {
              org.onChange(e);
              store.replace({
                ...store.report,
                organisation: { ...store.report.organisation, en: e.target.value },
              });
            }}
          />
        </label>
        <label>
          <span>{words.date[lang]}</span>
          <input
            {...date}
            type="date"
            className="nb-input"
            readOnly={readOnly}
            onChange={(e) => {
              date.onChange(e);
              store.replace({ ...store.report, date: e.target.value || undefined });
            }}
          />
        </label>
      </div>
    </header>
  );
});

/**
 * The whole report as a form built from its format definition: narrative editors, the tables with
 * their official headers, live totals and findings. No network code: values in, callbacks out.
 */
export const ReportForm = memo(function ReportForm({ ref, defaultValue, ...props }: ReportFormProps) {
  const [state, setState] = useState({ data: defaultValue, generation: 0 });
  const body = useRef<BodyHandle>(null);
  useImperativeHandle(
    ref,
    () => ({
      getData: () => body.current!.getData(),
      findings: () => body.current!.findings(),
      focusCell: (id) => body.current!.focusCell(id),
      editEnglish: (block) => body.current!.editEnglish(block),
      // A new form for the new data: every input, total and marker starts from it.
      reset: (data) => flushSync(() => setState((s) => ({ data, generation: s.generation + 1 }))),
    }),
    [],
  );
  return <FormBody key={state.generation} ref={body} defaultValue={state.data} {...props} />;
});

type BodyHandle = Omit<ReportFormHandle, 'reset'>;

const NO_CONTACT: OrganisationContact = {};

function FormBody({
  format,
  defaultValue,
  lang,
  previous,
  carriedFrom,
  contact = NO_CONTACT,
  readOnly = false,
  tablesOnly = false,
  onChange,
  onFindings,
  ref,
}: Omit<ReportFormProps, 'ref'> & { ref: Ref<BodyHandle> }) {
  const form = useForm<FormValues>({ defaultValues: toFormValues(format, defaultValue) });
  const [store] = useState(() => new ReportStore(format, defaultValue, previous));
  const [notices] = useState(() => new Notices());
  const [showEnglish, setShowEnglish] = useState(() =>
    Object.values(defaultValue.narrative).some((t) => (t.en ?? '') !== ''),
  );
  // Below 1100 px the findings are no column of their own: the bar's count opens them over the tables.
  const [findingsOpen, setFindingsOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  // The opening statement is edited where it is printed: above 一, after the report's details.
  const opening = format.sections.flatMap((section) =>
    section.narrative.filter((b) => b.role === 'opening').map((block) => ({ block, section })),
  );

  // The table headers stick below the section bar, whose height depends on the labels' language.
  useEffect(() => {
    const bar = barRef.current;
    const root = rootRef.current;
    if (!bar || !root || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => root.style.setProperty('--nb-bar-h', `${bar.offsetHeight}px`));
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);
  const callbacks = useRef({ onChange, onFindings });
  callbacks.current = { onChange, onFindings };

  useEffect(() => {
    store.replace(store.report, previous);
  }, [store, previous]);

  useEffect(() => {
    let last = store.findings;
    callbacks.current.onFindings?.(last);
    return store.subscribe(() => {
      callbacks.current.onChange?.(store.report);
      if (store.findings !== last) {
        last = store.findings;
        callbacks.current.onFindings?.(last);
      }
    });
  }, [store]);

  const ctx = useMemo<FormContextValue>(() => {
    const focusCell = (id: string) => {
      const el = rootRef.current?.querySelector<HTMLElement>(`[id="${cellDomId(id)}"]`);
      if (!el) return;
      el.scrollIntoView?.({ block: 'center', inline: 'nearest' });
      el.focus({ preventScroll: true });
    };
    const focusNarrative = (id: string) => {
      const el = rootRef.current?.querySelector<HTMLElement>(`[id="${narrativeDomId(id, 'zh')}"]`);
      el?.scrollIntoView?.({ block: 'center' });
      el?.focus({ preventScroll: true });
    };
    const selectText = (range: TextRange) => {
      // English text that is not shown is selected in the Chinese box's place: the block at least.
      const el =
        rootRef.current?.querySelector<HTMLTextAreaElement>(
          `[id="${narrativeDomId(range.block, range.lang)}"]`,
        ) ??
        rootRef.current?.querySelector<HTMLTextAreaElement>(`[id="${narrativeDomId(range.block, 'zh')}"]`);
      if (!el) return;
      el.scrollIntoView?.({ block: 'center' });
      el.focus({ preventScroll: true });
      if (el.id === narrativeDomId(range.block, range.lang)) el.setSelectionRange(range.start, range.end);
    };
    const writeNarrative = (block: string, lang: Lang, text: string) => {
      form.setValue(narrativeField(block, lang), text, { shouldDirty: true });
      store.setNarrative(block, lang, text);
    };
    const writeCells = (writes: { id: string; text: string }[]) => {
      store.batch(() => {
        for (const w of writes) {
          form.setValue(cellField(w.id), w.text, { shouldDirty: true });
          store.setCellText(w.id, w.text);
        }
      });
    };
    return {
      format,
      contact,
      index: cellIndex(format),
      form,
      store,
      notices,
      lang,
      readOnly,
      showEnglish,
      focusCell,
      focusNarrative,
      selectText,
      writeNarrative,
      writeCells,
    };
  }, [format, contact, form, store, notices, lang, readOnly, showEnglish]);

  useImperativeHandle(
    ref,
    () => ({
      getData: () => computeTotals(format, fromFormValues(format, store.report, form.getValues())),
      findings: () => store.findings,
      focusCell: ctx.focusCell,
      editEnglish: (block) => {
        flushSync(() => setShowEnglish(true));
        ctx.selectText({ block, lang: 'en', start: 0, end: 0 });
      },
    }),
    [format, form, store, ctx],
  );

  if (tablesOnly) {
    return (
      <FormContext.Provider value={ctx}>
        <div className="nb-form nb-form-tables" ref={rootRef} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
          {format.sections
            .filter((section) => section.table)
            .map((section) => (
              <section key={section.id} className="nb-section" aria-label={section.label[lang]}>
                <h3 className="nb-section-heading">{section.label[lang]}</h3>
                <SectionTable section={section} />
              </section>
            ))}
        </div>
      </FormContext.Provider>
    );
  }

  return (
    <FormContext.Provider value={ctx}>
      <div className="nb-form" ref={rootRef} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <div className="nb-form-main">
          <Details data={defaultValue} />
          {carriedFrom !== undefined && <CarryOver from={carriedFrom} year={defaultValue.year} />}
          <div className="nb-form-bar" ref={barRef}>
            <SectionNav />
            <BlankCells />
            <label className="nb-toggle">
              <input
                type="checkbox"
                checked={showEnglish}
                onChange={(e) => setShowEnglish(e.target.checked)}
              />
              {words.showEnglish[lang]}
            </label>
            <FindingsToggle open={findingsOpen} onToggle={() => setFindingsOpen((o) => !o)} />
          </div>
          <p className="nb-grid-help">{words.gridHelp[lang]}</p>
          <Notice />
          {opening.map(({ block, section }) => (
            <section
              key={block.id}
              id={`nb-section-${block.id}`}
              className="nb-section nb-opening"
              aria-labelledby={`nb-h-${block.id}`}
            >
              <h2 id={`nb-h-${block.id}`} className="nb-section-heading" tabIndex={-1}>
                {block.label[lang]}
                <span className="nb-optional">{words.optional[lang]}</span>
              </h2>
              <NarrativeEditor block={block} section={section} />
            </section>
          ))}
          {format.sections.map((section) => (
            <section
              key={section.id}
              id={`nb-section-${section.id}`}
              className="nb-section"
              aria-labelledby={`nb-h-${section.id}`}
            >
              <h2 id={`nb-h-${section.id}`} className="nb-section-heading" tabIndex={-1}>
                {section.label[lang]}
              </h2>
              {section.narrative
                .filter((block) => block.role !== 'opening')
                .map((block) => (
                  <NarrativeEditor key={block.id} block={block} section={section} />
                ))}
              <SectionTable section={section} />
            </section>
          ))}
        </div>
        <FindingsPanel
          open={findingsOpen}
          onClose={(refocus) => {
            setFindingsOpen(false);
            if (refocus) rootRef.current?.querySelector<HTMLElement>('.nb-findings-toggle')?.focus();
          }}
        />
      </div>
    </FormContext.Provider>
  );
}

function SectionTable({ section }: { section: FormatDef['sections'][number] }) {
  const { lang } = useReportForm();
  if (section.table?.type === 'matrix')
    return <MatrixGrid table={section.table} title={section.label[lang]} />;
  if (section.table?.type === 'blocks')
    return <BlocksGrid table={section.table} title={section.label[lang]} />;
  return null;
}
