import { useLang } from './i18n.ts';

const words = {
  previous: { zh: '上一页', en: 'Previous' },
  next: { zh: '下一页', en: 'Next' },
  pageOf: { zh: '第 {page} / {pages} 页', en: 'Page {page} of {pages}' },
};

/** Previous / next through server-side pages, with "page n of m" and what the total counts. */
export function Pager({
  page,
  pages,
  summary,
  onPage,
}: {
  page: number;
  pages: number;
  /** What the total is, e.g. 「共 120 份报告」. */
  summary: string;
  onPage: (page: number) => void;
}) {
  const { say } = useLang();
  return (
    <nav className="pager" aria-label={say(words.pageOf, { page, pages })}>
      <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {say(words.previous)}
      </button>
      <span>
        {say(words.pageOf, { page, pages })} · {summary}
      </span>
      <button
        type="button"
        className="btn btn-small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {say(words.next)}
      </button>
    </nav>
  );
}

/** The number of pages of `size` rows that `total` rows fill (at least one). */
export const pageCount = (total: number, size: number) => Math.max(1, Math.ceil(total / size));
