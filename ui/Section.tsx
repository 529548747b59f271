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
  const Heading = `h${(level + 1) as 2 | 3}` as const;
  return (
    <section class="nx-section" aria-labelledby={id}>
      <Heading id={id} class="nx-h">
        {title}
      </Heading>
      {children}
    </section>
  );
}
