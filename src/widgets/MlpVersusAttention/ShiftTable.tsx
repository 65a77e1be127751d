import type { StoreApi } from "zustand";
import { useStore } from "zustand";
import type { MlpSnapshot, ModelId, ShiftRow } from "../../core/training";
import type { TrainingState } from "../../state/trainingTypes";
import { formatLoss } from "../shared/trainingFormat";

/** The two models in the table's column order, as its header names them. */
export const SHIFT_MODELS: readonly { id: ModelId; name: string }[] = [
  { id: "lsa", name: "Attention" },
  { id: "mlp", name: "MLP" },
];

/**
 * Why a model has no loss on a row: its input has no room for the row's tasks. The MLP's input is
 * the N = 10 training examples flattened, so it cannot take 20.
 */
export function missingText(row: ShiftRow): string {
  return /\d+ examples/.test(row.name) ? `cannot take ${row.name}` : "cannot take this input";
}

/** The model with the lower loss on a row (null on a tie or when one cannot take it). */
export function betterModel(row: ShiftRow): ModelId | null {
  const lsa = row.losses.lsa;
  const mlp = row.losses.mlp;
  if (lsa === undefined || lsa === null || mlp === undefined || mlp === null || lsa === mlp) return null;
  return lsa < mlp ? "lsa" : "mlp";
}

/**
 * Both models tested on tasks unlike those they were trained on: inputs twice as large, twice as
 * many examples. Each row also gives predicting 0, one gradient step with the best learning rate
 * for that distribution, and one step with the learning rate the trained layer implies (what the
 * layer loses if it is exactly that step); the rows are computed by the trainer with each snapshot.
 */
export function ShiftTable({ store }: { store: StoreApi<TrainingState<MlpSnapshot>> }) {
  const rows = useStore(store, (s) => s.snapshot?.shifted ?? null);
  if (!rows) {
    return (
      <p className="dw-mva-pending" data-readout="shifted">
        The tests on shifted tasks run as soon as the models are read.
      </p>
    );
  }
  return (
    // On a narrow screen the table scrolls sideways inside this region, which a keyboard can reach.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keyboard
    <section className="dw-mva-table-scroll" aria-label="Losses on shifted tasks" tabIndex={0}>
      <table className="dw-mva-table" data-readout="shifted">
        <caption>Loss on tasks unlike the training tasks (lower is better)</caption>
        <thead>
          <tr>
            <th scope="col">Test tasks</th>
            {SHIFT_MODELS.map((m) => (
              <th key={m.id} scope="col">
                {m.name}
              </th>
            ))}
            <th scope="col">Predicting 0</th>
            <th scope="col">One gradient step, best η</th>
            <th scope="col">One gradient step, the layer's η</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const better = betterModel(row);
            return (
              <tr key={row.name} data-row={row.name}>
                <th scope="row">{row.name}</th>
                {SHIFT_MODELS.map((m) => {
                  const loss = row.losses[m.id];
                  const shown = loss === null || loss === undefined ? missingText(row) : formatLoss(loss);
                  return (
                    <td key={m.id} data-model={m.id} data-value={loss ?? ""}>
                      {better === m.id ? <strong>{shown}</strong> : shown}
                    </td>
                  );
                })}
                <td data-model="zero">{formatLoss(row.zeroPredictor)}</td>
                <td data-model="optimal-gd">{formatLoss(row.optimalGd)}</td>
                <td data-model="learned-gd">{formatLoss(row.gdAtLearnedEta)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
