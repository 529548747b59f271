import { Explainer } from '../ui/Explainer.tsx';
import type { Strings } from '../ui/strings/en.ts';
import { placeholderDoc } from './placeholder.ts';

/**
 * Shown while the explainer loads: the compact layout itself, with blank words of typical
 * lengths (see placeholder.ts) drawn as grey bars, so the space it reserves is the layout's own
 * at every width; closed disclosures stay empty (`later` is never built). Only "Loading the
 * explainer…" reaches assistive technology.
 */
export function Loading({ t }: { t: Strings }) {
  return (
    <div class="nx-loading" role="status">
      <p class="nx-sr">{t.loading}</p>
      <div inert aria-hidden="true">
        <Explainer doc={placeholderDoc()} t={t} later={[]} />
      </div>
    </div>
  );
}

/**
 * A lazy embed before the reader comes near: one labelled region (screen-reader users find it)
 * with a link to the explainer's page, in about the space the explainer will take (styles.css).
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
  href: string | null;
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
