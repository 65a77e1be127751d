import { useShallow } from "zustand/react/shallow";
import { row } from "../../core/matrix";
import { useFastWeights } from "../../state/fastWeightsContext";
import { readDifference } from "../../state/fastWeightsProjection";
import { currentAttention, type FastWeightsState } from "../../state/fastWeightsStore";

/** How the figure prints a read: three decimals, a true minus sign. */
const show = (x: number) => (Number.isFinite(x) ? x.toFixed(3).replace("-", "−") : String(x));
/** A difference between two forms: scientific, since the interesting ones are ~1e-7. */
export const showDifference = (x: number) =>
  Number.isNaN(x) ? "not a number" : x === 0 ? "0" : x.toExponential(1).replace("-", "−");

/** Below this the delta rule's read agrees with linear attention up to float32 rounding. */
const AGREEMENT = 1e-4;
/** Below this, a normaliser is too close to 0 for its quotient to mean anything (identity φ). */
const SMALL_NORMALISER = 0.05;

type Picked = Pick<
  FastWeightsState,
  "memory" | "computed" | "step" | "rule" | "normalise" | "q" | "k" | "v" | "featureMap"
>;

function readsOf(s: Picked) {
  const memory = s.memory;
  const attention = currentAttention(s);
  if (!memory?.reads.rows) return null;
  const t = s.step;
  return {
    read: row(memory.reads, t),
    attention: attention ? row(attention.out, t) : null,
    difference: attention ? readDifference(memory, attention, t) : null,
    normaliser: memory.normalisers.data[t],
  };
}

function Row({ label, values, kind }: { label: string; values: readonly number[] | null; kind: string }) {
  return (
    <tr data-row={kind}>
      <th scope="row">{label}</th>
      {values
        ? values.map((x, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: column i is value dimension i
            <td key={i}>{show(x)}</td>
          ))
        : [0, 1, 2, 3].map((i) => <td key={i}>…</td>)}
    </tr>
  );
}

/**
 * The read W_tφ(q_t) next to row t of causal linear attention computed by the engine, and the
 * largest difference between them. Under the delta rule there is no attention form to compare
 * with: the panel says so and shows how far the read is from linear attention's instead.
 */
export function ReadPanel() {
  const s = useFastWeights(
    useShallow(
      (state): Picked => ({
        memory: state.memory,
        computed: state.computed,
        step: state.step,
        rule: state.rule,
        normalise: state.normalise,
        q: state.q,
        k: state.k,
        v: state.v,
        featureMap: state.featureMap,
      }),
    ),
  );
  const reads = readsOf(s);
  if (!reads) return null;
  const t = s.step + 1;
  const sum = s.rule === "sum";
  const smallNormaliser = s.normalise && Math.abs(reads.normaliser) < SMALL_NORMALISER;
  const difference = reads.difference;
  return (
    <div className="dw-fw-reads" aria-busy={reads.attention === null || undefined}>
      <table className="dw-fw-table">
        <caption className="dw-panel-title">Token {t} reads the memory with its query</caption>
        <thead>
          <tr>
            <th scope="col">output</th>
            {["1", "2", "3", "4"].map((d) => (
              <th key={d} scope="col">
                dim {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <Row
            kind="read"
            label={`Fast weights W${t}φ(q${t})${s.normalise ? " ÷ normaliser" : ""}${sum ? "" : " (delta rule)"}`}
            values={reads.read}
          />
          <Row
            kind="attention"
            label={`Causal linear attention, row ${t} (engine)`}
            values={reads.attention}
          />
        </tbody>
      </table>
      <p
        className="dw-fw-difference"
        data-readout="difference"
        data-value={difference ?? ""}
        data-rule={s.rule}
        role="status"
      >
        {difference === null ? (
          "Computing the attention form…"
        ) : sum ? (
          <>
            Largest difference: <strong>{showDifference(difference)}</strong>. The two forms are the same sum
            in a different order; what is left is the engine's float32 rounding.
          </>
        ) : difference < AGREEMENT ? (
          <>
            The delta rule is not linear attention, but at this token it has not corrected anything yet (β = 1
            and no earlier key overlaps), so its read still matches the attention row to{" "}
            <strong>{showDifference(difference)}</strong>. Step on to see them part.
          </>
        ) : (
          <>
            The delta rule is not linear attention: its read differs from the attention row by up to{" "}
            <strong>{showDifference(difference)}</strong>. No attention matrix reproduces it, because what
            each token writes depends on what earlier tokens already stored.
          </>
        )}
      </p>
      {smallNormaliser ? (
        <p className="dw-message dw-message-warning" role="alert">
          The normaliser φ(q<sub>{t}</sub>)ᵀ Σ φ(k<sub>i</sub>) is {show(reads.normaliser)} here. With φ =
          identity it can be near 0 or negative, and the quotient is then meaningless; elu + 1 keeps it
          positive.
        </p>
      ) : null}
    </div>
  );
}
