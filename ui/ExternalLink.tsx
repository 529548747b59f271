import type { ComponentChildren } from 'preact';

/** Opens outside the host page and hands it nothing (no opener, no referrer). */
export function ExternalLink({ href, children }: { href: string; children: ComponentChildren }) {
  // Belt and braces: the content build only admits https: links, but the renderers re-check.
  if (!href.startsWith('https://')) return <>{children}</>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
