import type { ComponentChildren } from 'preact';

interface Props {
  href: string;
  /** The language of the link's text, where it is not the edition's (WCAG 3.1.2). */
  lang?: string;
  /** The language of the linked page, where it is not the edition's. */
  hrefLang?: string;
  children: ComponentChildren;
}

/** Opens outside the host page and hands it nothing (no opener, no referrer). */
export function ExternalLink({ href, lang, hrefLang, children }: Props) {
  // Belt and braces: the content build only admits https: links, but the renderers re-check.
  if (!href.startsWith('https://')) return <>{children}</>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" lang={lang} hrefLang={hrefLang}>
      {children}
    </a>
  );
}
