import type { StoreApi } from "zustand";
import { useStore } from "zustand";
import type { MlpSnapshot } from "../../core/training";
import type { Decoded } from "../../state/share/codec";
import {
  type MlpVsAttentionShared,
  mlpVsAttentionCodec,
  mlpVsAttentionShared,
} from "../../state/share/mlpVsAttentionShare";
import type { TrainingState } from "../../state/trainingTypes";
import { LossChart } from "../shared/LossChart";
import { REGRESSION_TASK, regressionReferenceLines } from "../shared/regressionLines";
import type { ShareSpec } from "../shared/share/shareSpec";
import { useSharedStart } from "../shared/share/useSharedStart";
import { WidgetShare } from "../shared/share/WidgetShare";
import { TrainingControls } from "../shared/TrainingControls";
import { type TrainingStoreProps, useTrainingStore } from "../shared/TrainingDriverContext";
import { withParameterCount } from "../shared/trainingFigure";
import { useTrainingFigure } from "../shared/useTrainingFigure";
import { figureValue, type MlpVersusAttentionFigureValue } from "./figureValue";
import { ShiftTable } from "./ShiftTable";
import "../shared/widget.css";
import "./mlpVersusAttention.css";

export interface MlpVersusAttentionProps extends TrainingStoreProps {
  /** Names this instance; unique on the page. */
  id: string;
}

export type { MlpVersusAttentionFigureValue };

type Store = StoreApi<TrainingState<MlpSnapshot>>;

const MODELS = [
  { id: "lsa", name: "attention" },
  { id: "mlp", name: "MLP" },
] as const;
const REFERENCES = regressionReferenceLines(REGRESSION_TASK);

/**
 * The attention layer and an MLP with about as many parameters, trained on the same batches of
 * regression tasks (the MLP reads the examples flattened into one vector), then both tested on
 * tasks they were not trained on. The layer learns a gradient step and takes any number of
 * examples, but its learned step size overshoots on larger inputs; the MLP learns to predict
 * about 0 and has no room for more examples.
 */
export function MlpVersusAttention({ id, ...props }: MlpVersusAttentionProps) {
  const start = useSharedStart(id, mlpVsAttentionCodec);
  const store = useTrainingStore<MlpSnapshot>("mlp", props, start?.state);
  return <MlpVersusAttentionView id={id} store={store} start={start} />;
}

const SHARE_SPEC: ShareSpec<TrainingState<MlpSnapshot>, MlpVsAttentionShared> = {
  codec: mlpVsAttentionCodec,
  toShared: mlpVsAttentionShared,
  title: "An MLP against attention on the same tasks",
};

/** The widget around a training store the host holds. */
export function MlpVersusAttentionView({
  id,
  store,
  start = null,
}: {
  id: string;
  store: Store;
  /** What a link restored, if the figure opened from one (its messages are shown). */
  start?: Decoded<MlpVsAttentionShared> | null;
}) {
  const { rootRef, view } = useTrainingFigure(store, figureValue);
  const lsaCount = useStore(view, (s) => s.parameterCounts.lsa);
  const mlpCount = useStore(view, (s) => s.parameterCounts.mlp);
  return (
    <div className="dw-widget dw-mva" id={id} ref={rootRef}>
      <WidgetShare id={id} spec={SHARE_SPEC} store={store} rootRef={rootRef} start={start} />
      <TrainingControls store={view} models={MODELS} />
      <div className="dw-mva-main">
        <LossChart
          store={view}
          title="Loss of the attention layer and of the MLP during training, on the same batches"
          yLabel="loss ½(ŷ − y)²"
          curves={[
            {
              id: "lsa",
              label: withParameterCount("linear self-attention", lsaCount),
              colour: "output",
              kind: "line",
            },
            { id: "mlp", label: withParameterCount("MLP", mlpCount), colour: "fixed", kind: "steps" },
          ]}
          references={REFERENCES}
          log={false}
        />
        <ShiftTable store={view} />
      </div>
    </div>
  );
}
