import type { ReactNode } from "react";

/** What App passes each section: its anchor id (also used by the table of contents) and title. */
export interface SectionProps {
  id: string;
  title: string;
}

/** A numbered part of the essay: a landmark named by its own heading. */
export function EssaySection({ id, title, children }: SectionProps & { children: ReactNode }) {
  const headingId = `${id}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} className="essay-section column-layout">
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
