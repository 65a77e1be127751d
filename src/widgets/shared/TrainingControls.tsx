import { useId, useState } from "react";
import type { StoreApi } from "zustand";
import { useStore } from "zustand";
import { BACKEND_LABEL, type BackendName } from "../../engine";
import type { TrainingState } from "../../state/trainingTypes";
import { BackendSelect } from "./BackendSelect";
import { SeedField } from "./SeedField";
import { useTrainingDrivers } from "./TrainingDriverContext";
import { TrainingProgress } from "./TrainingProgress";
import { buttonStates } from "./trainingButtons";
import type { NamedModel } from "./trainingFormat";
import "./trainingControls.css";

/** The reader's choices of steps per second; null: as fast as the backend allows. */
export const RATE_CHOICES: readonly (number | null)[] = [5, 20, 60, null];

const rateValue = (rate: number | null) => (rate === null ? "max" : String(rate));
const rateLabel = (rate: number | null) => (rate === null ? "as fast as possible" : `${rate} steps/s`);

export interface TrainingControlsProps<S, Q, R> {
  store: StoreApi<TrainingState<S, Q, R>>;
  /** The models trained, named as the progress line reads their losses. */
  models: readonly NamedModel[];
}

/**
 * Everything a Part III figure needs to train live: Train from scratch / Pause / Resume / Reset /
 * the pretrained checkpoint, the seed, a cap on steps per second, the backend and what it runs on,
 * then the progress bar, what the figure shows and any message (see TrainingProgress).
 */
export function TrainingControls<S, Q, R>({ store, models }: TrainingControlsProps<S, Q, R>) {
  return (
    <div className="dw-training">
      <div className="dw-training-row">
        <TrainingButtons store={store} />
        <SeedChoice store={store} />
        <RateChoice store={store} />
        <BackendChoice store={store} />
      </div>
      <TrainingProgress store={store} models={models} />
    </div>
  );
}

type StoreProp<S, Q, R> = { store: StoreApi<TrainingState<S, Q, R>> };

function TrainingButtons<S, Q, R>({ store }: StoreProp<S, Q, R>) {
  const status = useStore(store, (s) => s.status);
  const source = useStore(store, (s) => s.source);
  const step = useStore(store, (s) => s.step);
  const ready = useStore(store, (s) => s.backend !== null);
  const hasSnapshot = useStore(store, (s) => s.snapshot !== null);
  const enabled = buttonStates({ status, source, step, ready, hasSnapshot });
  const act = (action: (s: TrainingState<S, Q, R>) => void) => () => action(store.getState());
  return (
    <fieldset className="dw-training-buttons">
      <legend className="dw-visually-hidden">Training</legend>
      <button type="button" onClick={act((s) => s.train())} disabled={!enabled.train}>
        Train from scratch
      </button>
      <button type="button" onClick={act((s) => s.pause())} disabled={!enabled.pause}>
        Pause
      </button>
      <button type="button" onClick={act((s) => s.resume())} disabled={!enabled.resume}>
        Resume
      </button>
      <button type="button" onClick={act((s) => s.reset())} disabled={!enabled.reset}>
        Reset
      </button>
      <button type="button" onClick={act((s) => s.loadCheckpoint())} disabled={!enabled.checkpoint}>
        Pretrained
      </button>
    </fieldset>
  );
}

function SeedChoice<S, Q, R>({ store }: StoreProp<S, Q, R>) {
  const seed = useStore(store, (s) => s.seed);
  const setSeed = useStore(store, (s) => s.setSeed);
  return (
    <SeedField
      className="dw-training-field dw-training-seed"
      seed={seed}
      setSeed={setSeed}
      nextLabel="Next seed"
    />
  );
}

function RateChoice<S, Q, R>({ store }: StoreProp<S, Q, R>) {
  const rate = useStore(store, (s) => s.rateLimit);
  const setRate = useStore(store, (s) => s.setRate);
  const id = useId();
  return (
    <div className="dw-training-field">
      <label htmlFor={id}>Speed</label>
      <select
        id={id}
        value={rateValue(rate)}
        onChange={(event) => setRate(RATE_CHOICES.find((r) => rateValue(r) === event.target.value) ?? null)}
      >
        {RATE_CHOICES.map((r) => (
          <option key={rateValue(r)} value={rateValue(r)}>
            {rateLabel(r)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The backend the trainer runs on, named with its adapter and the reason it was chosen, and a
 * select to move the run to another (the trainer carries the run over, or says why it could not).
 */
function BackendChoice<S, Q, R>({ store }: StoreProp<S, Q, R>) {
  const { forced } = useTrainingDrivers();
  const backend = useStore(store, (s) => s.backend);
  const loading = useStore(store, (s) => s.status === "loading");
  const stepsPerSecond = useStore(store, (s) => (s.status === "training" ? s.stepsPerSecond : null));
  const setBackend = useStore(store, (s) => s.setBackend);
  const [chosen, setChosen] = useState<BackendName | "auto">(forced ?? "auto");
  const label = backend ? `${BACKEND_LABEL[backend.name]} · ${backend.adapter}` : "starting the trainer…";
  return (
    <div className="dw-badge dw-training-backend" data-backend={backend?.name ?? ""}>
      <output className="dw-badge-name" title={backend?.reason}>
        {label}
        {stepsPerSecond !== null ? (
          <span className="dw-badge-ms"> · {Math.round(stepsPerSecond)} steps/s</span>
        ) : null}
      </output>
      <BackendSelect
        label="Training backend"
        value={chosen}
        disabled={loading}
        onChange={(name) => {
          setChosen(name);
          setBackend(name);
        }}
      />
      {backend ? <span className="dw-badge-reason">{backend.reason}</span> : null}
    </div>
  );
}
