import { useEffect, useRef } from "react";
import { useStore } from "zustand";
import type { InductionProbeRequest, InductionProbeResult, InductionSnapshot } from "../../core/training";
import type { Decoded } from "../../state/share/codec";
import {
  type InductionHeadsShared,
  inductionHeadsCodec,
  inductionHeadsShared,
} from "../../state/share/inductionHeadsShare";
import type { TrainingState } from "../../state/trainingTypes";
import { LossChart } from "../shared/LossChart";
import type { ShareSpec } from "../shared/share/shareSpec";
import { useSharedStart } from "../shared/share/useSharedStart";
import { WidgetShare } from "../shared/share/WidgetShare";
import { TrainingControls } from "../shared/TrainingControls";
import { type TrainingStoreProps, useTrainingStore } from "../shared/TrainingDriverContext";
import { withParameterCount } from "../shared/trainingFigure";
import { useTrainingFigure } from "../shared/useTrainingFigure";
import { figureValue, type InductionHeadsFigureValue } from "./figureValue";
import { HeadMaps } from "./HeadMaps";
import { INDUCTION_MODELS, INDUCTION_TASK, uniformGuessLoss } from "./inductionTask";
import { ProbePanel } from "./ProbePanel";
import { type InductionStore, useInductionProbe } from "./useInductionProbe";
import "../shared/widget.css";
import "./inductionHeads.css";

export interface InductionHeadsProps extends TrainingStoreProps {
  /** Names this instance; unique on the page. */
  id: string;
}

export type { InductionHeadsFigureValue };

const REFERENCES = [
  {
    id: "uniform",
    label: `guessing uniformly (ln ${INDUCTION_TASK.vocab})`,
    loss: uniformGuessLoss(INDUCTION_TASK.vocab),
    colour: "muted" as const,
  },
];

/**
 * A 2-layer attention-only transformer and a 1-layer one trained live on random sequences that
 * repeat (Olsson et al. 2022). Only the 2-layer model can compose a previous-token head with an
 * induction head, and its loss on the repeated half drops suddenly when it does; every head's
 * attention is drawn as it learns, and the reader can type a sequence and watch it being copied.
 */
export function InductionHeads({ id, ...props }: InductionHeadsProps) {
  const start = useSharedStart(id, inductionHeadsCodec);
  const store = useTrainingStore<InductionSnapshot, InductionProbeRequest, InductionProbeResult>(
    "induction",
    props,
    start?.state,
  );
  return <InductionHeadsView id={id} store={store} start={start} />;
}

const SHARE_SPEC: ShareSpec<
  TrainingState<InductionSnapshot, InductionProbeRequest, InductionProbeResult>,
  InductionHeadsShared
> = {
  codec: inductionHeadsCodec,
  toShared: inductionHeadsShared,
  title: "Induction heads trained live",
};

/** The widget around a training store the host holds. */
export function InductionHeadsView({
  id,
  store,
  start = null,
}: {
  id: string;
  store: InductionStore;
  /** What a link restored, if the figure opened from one (its messages are shown). */
  start?: Decoded<InductionHeadsShared> | null;
}) {
  const probe = useInductionProbe(store);
  const latestProbe = useRef(probe);
  latestProbe.current = probe;
  const { rootRef, view } = useTrainingFigure(store, (s) => figureValue(s, latestProbe.current));

  // The reader's answer is not in the training store: tell the host when it lands.
  useEffect(() => {
    if (probe.result) rootRef.current?.dispatchEvent(new Event("input", { bubbles: true }));
  }, [probe.result, rootRef]);

  const snapshot = useStore(view, (s) => s.snapshot);
  const counts = useStore(view, (s) => s.parameterCounts);
  const shown = probe.result ?? snapshot;

  return (
    <div className="dw-widget dw-ih" id={id} ref={rootRef}>
      <WidgetShare id={id} spec={SHARE_SPEC} store={store} rootRef={rootRef} start={start} />
      <TrainingControls store={view} models={INDUCTION_MODELS} />
      <LossChart
        store={view}
        title="Loss on the repeated half of each sequence during training, for the 2-layer and the 1-layer model"
        yLabel="loss on the repeated half (nats)"
        curves={[
          {
            id: "twoLayer",
            label: withParameterCount("2-layer attention-only", counts.twoLayer),
            colour: "query",
            kind: "line",
          },
          {
            id: "oneLayer",
            label: withParameterCount("1-layer attention-only", counts.oneLayer),
            colour: "key",
            kind: "steps",
          },
        ]}
        references={REFERENCES}
      />
      <ProbePanel probe={probe} />
      {shown ? (
        <HeadMaps tokens={shown.tokens} attention={shown.attention} yours={probe.result !== null} />
      ) : (
        <p className="dw-message">The attention maps appear when the models are loaded.</p>
      )}
    </div>
  );
}
