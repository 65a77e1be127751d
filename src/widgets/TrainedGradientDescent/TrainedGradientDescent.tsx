import type { StoreApi } from "zustand";
import { useStore } from "zustand";
import type { GdSnapshot } from "../../core/training";
import type { Decoded } from "../../state/share/codec";
import { type TrainedGdShared, trainedGdCodec, trainedGdShared } from "../../state/share/trainedGdShare";
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
import { figureValue, type TrainedGradientDescentFigureValue } from "./figureValue";
import { ImpliedRate } from "./ImpliedRate";
import { LayerComparison } from "./LayerComparison";
import "../shared/widget.css";
import "./trainedGradientDescent.css";

export interface TrainedGradientDescentProps extends TrainingStoreProps {
  /** Names this instance; unique on the page. */
  id: string;
}

export type { TrainedGradientDescentFigureValue };

type Store = StoreApi<TrainingState<GdSnapshot>>;

const MODELS = [{ id: "lsa", name: "attention" }] as const;
const REFERENCES = regressionReferenceLines(REGRESSION_TASK);

/**
 * One linear self-attention layer trained live on random regression tasks, each given as N
 * examples in its context (von Oswald et al. 2023). Its loss falls to that of one gradient step
 * with the best learning rate, and its weights, read as products, turn into Part II's
 * construction: the layer has learned to do gradient descent on its context.
 */
export function TrainedGradientDescent({ id, ...props }: TrainedGradientDescentProps) {
  const start = useSharedStart(id, trainedGdCodec);
  const store = useTrainingStore<GdSnapshot>("gd", props, start?.state);
  return <TrainedGradientDescentView id={id} store={store} start={start} />;
}

const SHARE_SPEC: ShareSpec<TrainingState<GdSnapshot>, TrainedGdShared> = {
  codec: trainedGdCodec,
  toShared: trainedGdShared,
  title: "A trained attention layer learns gradient descent",
};

/** The widget around a training store the host holds. */
export function TrainedGradientDescentView({
  id,
  store,
  start = null,
}: {
  id: string;
  store: Store;
  /** What a link restored, if the figure opened from one (its messages are shown). */
  start?: Decoded<TrainedGdShared> | null;
}) {
  const { rootRef, view } = useTrainingFigure(store, figureValue);
  const lsaCount = useStore(view, (s) => s.parameterCounts.lsa);
  return (
    <div className="dw-widget dw-tgd" id={id} ref={rootRef}>
      <WidgetShare id={id} spec={SHARE_SPEC} store={store} rootRef={rootRef} start={start} />
      <TrainingControls store={view} models={MODELS} />
      <div className="dw-tgd-main">
        <LossChart
          store={view}
          title="Loss of the attention layer during training, against predicting 0 and one gradient step"
          yLabel="loss ½(ŷ − y)²"
          curves={[
            {
              id: "lsa",
              label: withParameterCount("linear self-attention", lsaCount),
              colour: "output",
              kind: "line",
            },
          ]}
          references={REFERENCES}
          log={false}
        />
        <ImpliedRate store={view} />
      </div>
      <LayerComparison store={view} />
    </div>
  );
}
