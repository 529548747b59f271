import type { Strings } from '../ui/strings/en.ts';

/** Shown while the explainer loads: the kicker and "Loading the explainer…" (announced: a status) over the reserved space. */
export function Loading({ t }: { t: Strings }) {
  return (
    <div class="nx nx-loading" role="status">
      <p class="nx-meta">
        <span class="nx-kicker">{t.kicker}</span> · {t.loading}
      </p>
      {/* The space the compact layout takes, at the cost of one paragraph: blank words of its
      total length, wrapping as its text does (taller on a narrow column), under a fixed space
      for what does not wrap (headings, the cards' rows). Invisible, hidden from assistive
      technology, laid out once. Calibrated against the first explainer at 288–720 px. */}
      <p class="nx-reserve" aria-hidden="true">
        {'xxxxx '.repeat(230)}
      </p>
    </div>
  );
}

/**
 * A lazy embed waiting for the reader: a labelled region with a link to the explainer's own
 * page (screen-reader users find it before it renders). Its height comes from CSS alone: far
 * down the page, laying out a paragraph of reserve would cost the page for nothing (it renders
 * a viewport before the reader reaches it, where a difference moves nothing on screen).
 */
export function Waiting({ t, href }: { t: Strings; href: string | null }) {
  return (
    <section class="nx nx-waiting" aria-label={t.kicker}>
      {href ? <a href={href}>{t.readOnPage}</a> : null}
    </section>
  );
}

interface FailedProps {
  t: Strings;
  /** Where the reader can still read the explainer (the server-rendered page), if known. */
  href?: string | null;
  /** Absent when retrying cannot help (a missing or malformed explainer, which has no page either). */
  onRetry?: () => void;
}

/** What the reader sees when the API fails: a short message and a link, never a blank box. */
export function Failed({ t, href, onRetry }: FailedProps) {
  return (
    <div class="nx nx-failed" role="status">
      <p class="nx-kicker">{t.kicker}</p>
      <p>{onRetry ? t.failed : t.unavailable}</p>
      {onRetry ? (
        <p>
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {t.readOnPage}
            </a>
          ) : null}
          <button type="button" class="nx-retry" onClick={onRetry}>
            {t.retry}
          </button>
        </p>
      ) : null}
    </div>
  );
}
