/** Shown while the explainer loads: reserves space so the host page does not jump. */
export function Loading({ theme }: { theme: string }) {
  return (
    <div class="nx nx-loading" data-theme={theme} role="status" aria-live="polite">
      <p class="nx-kicker">Explainer</p>
      <p>Loading the explainer…</p>
    </div>
  );
}

interface FailedProps {
  theme: string;
  /** Where the reader can still read the explainer (the server-rendered page), if known. */
  href: string | null;
  onRetry?: () => void;
}

/** What the reader sees when the API fails: a short message and a link, never a blank box. */
export function Failed({ theme, href, onRetry }: FailedProps) {
  return (
    <div class="nx nx-failed" data-theme={theme} role="status">
      <p class="nx-kicker">Explainer</p>
      <p>{href || onRetry ? 'The explainer could not be loaded here.' : 'This explainer is not available.'}</p>
      {href || onRetry ? (
        <p>
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              Read the explainer on its own page
            </a>
          ) : null}
          {onRetry ? (
            <button type="button" class="nx-retry" onClick={onRetry}>
              Try again
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
