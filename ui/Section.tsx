import type { ComponentChildren } from 'preact';

/** Heading level of the explainer's title: 2 inside a publisher's article, 1 on a page of its own. */
export type TitleLevel = 1 | 2;

interface SectionProps {
  id: string;
  title: string;
  level: TitleLevel;
  children: ComponentChildren;
}

/** A titled part of the explainer; its heading sits one level below the explainer's title. */
export function Section({ id, title, level, children }: SectionProps) {
  const Heading = level === 1 ? 'h2' : 'h3';
  return (
    <section class="nx-section" aria-labelledby={id}>
      <Heading id={id} class="nx-h">
        {title}
      </Heading>
      {children}
    </section>
  );
}
