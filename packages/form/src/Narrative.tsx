import type { Lang, NarrativeBlock, SectionDef } from '@nianbao/schema';
import type { ChangeEvent } from 'react';
import { memo, useSyncExternalStore } from 'react';
import { narrativeDomId, useReportForm } from './context.ts';
import { narrativeField } from './fields.ts';
import { words } from './i18n.ts';
import { DraftBar, TextMarks } from './NarrativeChecks.tsx';
import { TextLength } from './TextLength.tsx';

function TextArea({ block, section, text }: { block: NarrativeBlock; section: SectionDef; text: Lang }) {
  const { form, store, lang, readOnly } = useReportForm();
  const field = form.register(narrativeField(block.id, text));
  const missing = useSyncExternalStore(store.subscribe, () =>
    text === 'zh' ? store.findings.some((f) => f.narrative === block.id) : false,
  );
  const name =
    block.role === 'opening'
      ? block.label[lang]
      : block.heading || block.role
        ? `${section.label[lang]} ${block.label[lang]}`
        : section.label[lang];
  const onChange = (e: ChangeEvent<HTMLTextAreaElement>) => {
    field.onChange(e);
    store.setNarrative(block.id, text, e.target.value);
  };
  return (
    <>
      <textarea
        {...field}
        id={narrativeDomId(block.id, text)}
        className={missing ? 'nb-text nb-error' : 'nb-text'}
        lang={text === 'zh' ? 'zh-CN' : 'en'}
        aria-label={
          text === lang ? name : `${name}（${words[text === 'zh' ? 'chineseText' : 'englishText'][lang]}）`
        }
        aria-invalid={missing || undefined}
        readOnly={readOnly}
        rows={4}
        onChange={onChange}
      />
      <TextLength block={block} text={text} />
      <DraftBar block={block} text={text} />
      <TextMarks block={block} text={text} />
    </>
  );
}

export const NarrativeEditor = memo(function NarrativeEditor({
  block,
  section,
}: {
  block: NarrativeBlock;
  section: SectionDef;
}) {
  const { lang, showEnglish } = useReportForm();
  return (
    <div className="nb-narrative">
      {(block.heading || block.role === 'lead') && (
        <h3 className="nb-block-heading">
          {block.label[lang]}
          {block.required && <span className="nb-required">{words.required[lang]}</span>}
          {block.role && <span className="nb-optional">{words.optional[lang]}</span>}
        </h3>
      )}
      {block.hint && <p className="nb-hint">{block.hint[lang]}</p>}
      {showEnglish ? (
        <div className="nb-bilingual">
          <div>
            <span className="nb-text-lang">{words.chineseText[lang]}</span>
            <TextArea block={block} section={section} text="zh" />
          </div>
          <div>
            <span className="nb-text-lang">{words.englishText[lang]}</span>
            <TextArea block={block} section={section} text="en" />
          </div>
        </div>
      ) : (
        <TextArea block={block} section={section} text="zh" />
      )}
    </div>
  );
});
