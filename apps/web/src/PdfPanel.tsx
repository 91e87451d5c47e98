import { type Label, type Lang, REPORT_LANGS, type ReportLang } from '@nianbao/schema';
import { useState } from 'react';
import { t, useLang, type Word } from './i18n.ts';
import { pdfWords } from './pdfWords.ts';

const downloads: { lang: ReportLang; word: Word }[] = [
  { lang: 'zh', word: t.downloadZh },
  { lang: 'en', word: t.downloadEn },
  { lang: 'zh-en', word: t.downloadBi },
];

export const pdfUrl = (id: number, lang: ReportLang, version: number) =>
  `/reports/${id}.pdf?lang=${lang}&v=${version}`;

/** The server's JSON error (`{ error: { data: { message: { zh, en } } } }`) in the user's language. */
function failure(status: number, body: string, lang: Lang): Error {
  try {
    const message = (JSON.parse(body) as { error?: { data?: { message?: Label } } }).error?.data?.message;
    if (message) return new Error(message[lang]);
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  return new Error(`HTTP ${status}`);
}

async function fetchWithProgress(
  url: string,
  lang: Lang,
  onProgress: (fraction: number | null) => void,
): Promise<Blob> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw failure(response.status, await response.text().catch(() => ''), lang);
  const total = Number(response.headers.get('content-length') ?? 0);
  if (!response.body || !total) return response.blob();
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    received += value.length;
    onProgress(received / total);
  }
  return new Blob(parts as BlobPart[], { type: response.headers.get('content-type') ?? undefined });
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** PDF preview inside the page, downloads in each language, the HTML export and Word, with progress. */
export function PdfPanel({
  id,
  version,
  fileName,
  beforeFetch,
  englishMissing,
  onOpenBlock,
}: {
  id: number;
  version: number;
  fileName: string;
  /** Saves pending changes first, so that the PDF shows what is on screen. */
  beforeFetch: () => Promise<unknown>;
  /** The narrative passages with Chinese but no English, by their headings, as the form holds them now. */
  englishMissing: { id: string; name: { zh: string; en: string } }[];
  /** Takes the user to a passage's English text. */
  onOpenBlock?: (id: string) => void;
}) {
  const { lang, say } = useLang();
  const [busy, setBusy] = useState<{ what: string; progress: number | null } | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [preview, setPreview] = useState<ReportLang | null>(null);

  const download = async (kind: ReportLang | 'html' | 'docx', label: string) => {
    // The server would refuse it; say why in the user's language, with the passages listed above.
    if (kind === 'en' && englishMissing.length > 0) {
      setMessage({ text: say(pdfWords.englishPdfBlocked), error: true });
      return;
    }
    setMessage(null);
    setBusy({ what: label, progress: null });
    try {
      await beforeFetch();
      // HTML and Word in Chinese, the official language; the PDFs in each language.
      const url =
        kind === 'html' || kind === 'docx'
          ? `/reports/${id}.${kind}?v=${version}`
          : pdfUrl(id, kind, version);
      const blob = await fetchWithProgress(url, lang, (progress) => setBusy({ what: label, progress }));
      const name =
        kind === 'html' || kind === 'docx'
          ? `${fileName}.${kind}`
          : `${fileName}${kind === 'zh' ? '' : `.${kind}`}.pdf`;
      save(blob, name);
      setMessage({ text: say(t.downloaded, { what: name }) });
    } catch (e) {
      setMessage({
        text: `${say(t.pdfFailed)}${e instanceof Error ? e.message : String(e)}`,
        error: true,
      });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="drawer-body pdf-panel" aria-label="PDF">
      {englishMissing.length > 0 && (
        <div className="banner banner-warning english-missing" role="note">
          <p>{say(pdfWords.englishMissing, { n: englishMissing.length })}</p>
          <ul>
            {englishMissing.map((b) => (
              <li key={b.id}>
                {b.name[lang]}{' '}
                {onOpenBlock && (
                  <button type="button" className="btn btn-small" onClick={() => onOpenBlock(b.id)}>
                    {say(pdfWords.openBlock)}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <p>
            {say(pdfWords.englishPdfBlocked)} {say(pdfWords.bilingualLacks)}
          </p>
        </div>
      )}
      <div className="pdf-buttons">
        {downloads.map((d) => (
          <button
            key={d.lang}
            type="button"
            className="btn"
            disabled={busy !== null}
            onClick={() => void download(d.lang, say(d.word))}
            data-pdf={d.lang}
          >
            {say(d.word)}
          </button>
        ))}
        <button
          type="button"
          className="btn"
          disabled={busy !== null}
          onClick={() => void download('html', 'HTML')}
          data-pdf="html"
        >
          {say(t.downloadHtml)}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy !== null}
          onClick={() => void download('docx', 'Word')}
          data-pdf="docx"
        >
          {say(t.downloadWord)}
        </button>
      </div>
      {busy && (
        <div className="progress" role="status" aria-live="polite">
          <span>{say(t.making, { what: busy.what })}</span>
          <progress value={busy.progress ?? undefined} max={1} />
        </div>
      )}
      {message && (
        <p className={message.error ? 'form-error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <div className="pdf-preview-buttons">
        {REPORT_LANGS.map((l) => (
          <button
            key={l}
            type="button"
            className={preview === l ? 'btn btn-small btn-active' : 'btn btn-small'}
            aria-pressed={preview === l}
            onClick={() => {
              if (l === 'en' && englishMissing.length > 0) {
                setMessage({ text: say(pdfWords.englishPdfBlocked), error: true });
                return;
              }
              void beforeFetch().then(() => setPreview(l));
            }}
          >
            {say(t.preview)} · {l === 'zh' ? '中文' : l === 'en' ? 'English' : '中英'}
          </button>
        ))}
      </div>
      {preview && (
        <iframe
          className="pdf-frame"
          title={`${say(t.preview)} (${preview})`}
          src={`${pdfUrl(id, preview, version)}&download=0#view=FitH`}
        />
      )}
      <p className="muted small">
        {lang === 'zh' ? 'PDF 按已保存的内容生成。' : 'The PDF shows the saved report.'}
      </p>
    </section>
  );
}
