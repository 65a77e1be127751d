import type { Ref } from "react";
import { type Role, roleColor } from "../../viz/palette";

export interface NamedHeatmapPanelProps {
  /** `data-kind` of the panel, e.g. "wq", for tests and styles. */
  kind: string;
  /** The parameter's name, e.g. "W_Q"; titles the panel and names it for screen readers. */
  name: string;
  /** The role whose colour marks the name. */
  role: Role;
  /** Where the heatmap renderer draws (from `useStoreRenderer`). */
  drawInto: Ref<HTMLDivElement>;
}

/** One parameter matrix as a titled heatmap panel, its name marked with the role's colour. */
export function NamedHeatmapPanel({ kind, name, role, drawInto }: NamedHeatmapPanelProps) {
  return (
    <section className="dw-panel dw-heatmap-panel" data-kind={kind} aria-label={`Parameter ${name}`}>
      <p className="dw-panel-title">
        <span className="dw-swatch" style={{ background: roleColor(role) }} aria-hidden="true" />
        {name}
      </p>
      <div ref={drawInto} />
    </section>
  );
}
