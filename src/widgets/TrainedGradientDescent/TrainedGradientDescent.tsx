import type { StoreApi } from "zustand";
import { useStore } from "zustand";
import type { GdSnapshot } from "../../core/training";
import type { TrainingState } from "../../state/trainingTypes";
import { LossChart } from "../shared/LossChart";
import { REGRESSION_TASK, regressionReferenceLines } from "../shared/regressionLines";
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
  const store = useTrainingStore<GdSnapshot>("gd", props);
  return <TrainedGradientDescentView id={id} store={store} />;
}

/** The widget around a training store the host holds. */
export function TrainedGradientDescentView({ id, store }: { id: string; store: Store }) {
  const { rootRef, view } = useTrainingFigure(store, figureValue);
  const lsaCount = useStore(view, (s) => s.parameterCounts.lsa);
  return (
    <div className="dw-widget dw-tgd" id={id} ref={rootRef}>
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
