import { useCallback } from "react";
import { identity } from "../../core/matrix";
import { useSideBySide, useSideBySideStoreApi } from "../../state/sideBySideContext";
import type { SideBySideActions, SideBySideState } from "../../state/sideBySideStore";
import { drawHeatmap, type HeatmapData, type HeatmapOptions } from "../../viz/heatmap";
import { useStoreRenderer } from "../shared/useStoreRenderer";

type State = SideBySideState & SideBySideActions;

/** Whose token-mixing matrix: row i says how much of each token's input reaches output i. */
export type MixingKind = "attention" | "mlp";

const TITLES = {
  mlp: "MLP token mixing: the identity, the same for every input",
  attention: "Attention token mixing softmax(QKᵀ/√d), recomputed from all the tokens",
  frozen: "Attention token mixing, frozen: fixed weights that no longer depend on the input",
} as const;

const titleOf = (kind: MixingKind, s: State) =>
  kind === "mlp" ? TITLES.mlp : s.frozen ? TITLES.frozen : TITLES.attention;

function mixingView(kind: MixingKind, s: State): readonly [HeatmapData, HeatmapOptions] | null {
  const n = s.tokens.length;
  // The MLP computes each output from its own token alone, so its mixing matrix is I for any input.
  const values = kind === "mlp" ? (n > 0 ? identity(n) : null) : s.mixing;
  if (!values) return null;
  return [
    { values, rowLabels: s.tokens, colLabels: s.tokens, title: titleOf(kind, s) },
    { scale: "weights", selectedRow: s.selectedOutput },
  ];
}

/**
 * One model's n × n token-mixing matrix (rows: outputs, columns: the tokens they draw on). The
 * MLP's is drawn once per sentence; attention's is redrawn when a new mixing matrix lands, and
 * not at all while frozen, because the frozen matrix is the same object until unfrozen.
 */
export function MixingPanel({ kind }: { kind: MixingKind }) {
  const store = useSideBySideStoreApi();
  const inputs = useCallback(
    (s: State) =>
      kind === "mlp" ? [s.tokens, s.selectedOutput] : [s.mixing, s.tokens, s.selectedOutput, s.frozen],
    [kind],
  );
  const view = useCallback((s: State) => mixingView(kind, s), [kind]);
  const ref = useStoreRenderer(store, drawHeatmap, inputs, view, [kind], (element, s) => {
    const panel = element.parentElement;
    if (panel && kind === "attention") panel.dataset.resultVersion = s.mixing ? String(s.resultVersion) : "";
  });
  const frozen = useSideBySide((s) => s.frozen !== null);
  const label = kind === "mlp" ? TITLES.mlp : frozen ? TITLES.frozen : TITLES.attention;

  return (
    <section className="dw-panel dw-heatmap-panel" aria-label={label} data-kind={kind}>
      <p className="dw-panel-title">
        <MixingHeading kind={kind} frozen={frozen} />
      </p>
      <div ref={ref} />
    </section>
  );
}

function MixingHeading({ kind, frozen }: { kind: MixingKind; frozen: boolean }) {
  if (kind === "mlp") return <>MLP: identity, for every input</>;
  return frozen ? <>Attention, frozen: fixed weights</> : <>Attention: softmax(QKᵀ/√d), from all tokens</>;
}
