import { type ComponentType, Suspense } from "react";
import { EssaySection, type SectionProps } from "./EssaySection";

/**
 * Renders a section that may load as its own chunk (`React.lazy`, as Part II and later do, right
 * after first paint). While it loads, its anchor and heading are already there, so the contents
 * and links to `#id` work, and the text fills in a moment later. This keeps the first chunk within
 * its budget as the essay grows.
 */
export function LaterSection({ Section, ...props }: SectionProps & { Section: ComponentType<SectionProps> }) {
  return (
    <Suspense
      fallback={
        <EssaySection {...props}>
          <p className="section-loading">Loading this section…</p>
        </EssaySection>
      }
    >
      <Section {...props} />
    </Suspense>
  );
}
