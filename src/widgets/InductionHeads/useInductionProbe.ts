import { useEffect, useMemo, useRef, useState } from "react";
import type { StoreApi } from "zustand";
import { useStore } from "zustand";
import { parseTokenSequence } from "../../core/inductionTasks";
import type { InductionProbeRequest, InductionProbeResult, InductionSnapshot } from "../../core/training";
import { createLatestWins, type LatestWins } from "../../engine";
import type { TrainingState } from "../../state/trainingTypes";
import { INDUCTION_TASK } from "./inductionTask";

export type InductionStore = StoreApi<
  TrainingState<InductionSnapshot, InductionProbeRequest, InductionProbeResult>
>;

/** The reader's sequence and what the models made of it. */
export interface InductionProbe {
  /** Exactly what the reader typed (never rewritten, so nothing typed is lost). */
  text: string;
  setText(text: string): void;
  /** The tokens read from it, and what was left out or cut (null when the text was read whole). */
  tokens: number[];
  message: string | null;
  /** The newest answer of the models, for the sequence it names; null before one arrives or once the text is cleared. */
  result: InductionProbeResult | null;
  /** A probe that failed, in words. */
  failure: string | null;
  /** True while the reader's sequence waits for the models (not ready yet, or an answer on its way). */
  pending: boolean;
}

/**
 * Runs the reader's sequence through both trained models, latest wins: typing fast never queues
 * stale probes. It runs again whenever the models change (a new snapshot during training), so the
 * table and maps follow the training. Fewer than two tokens: nothing is probed.
 */
export function useInductionProbe(store: InductionStore): InductionProbe {
  // In the store, so a link carries it and the host hears when the reader edits it.
  const text = useStore(store, (s) => s.probeText);
  const setText = useStore(store, (s) => s.setProbeText);
  const parsed = useMemo(
    () => (text.trim() === "" ? { tokens: [], message: null } : parseTokenSequence(text, INDUCTION_TASK)),
    [text],
  );
  const request = useMemo(
    (): InductionProbeRequest | null => (parsed.tokens.length >= 2 ? { tokens: parsed.tokens } : null),
    [parsed],
  );
  const snapshot = useStore(store, (s) => s.snapshot);
  const [answer, setAnswer] = useState<{
    request: InductionProbeRequest;
    result: InductionProbeResult;
  } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const runner = useRef<LatestWins<InductionProbeRequest> | null>(null);

  useEffect(() => {
    const latest = createLatestWins(
      async (asked: InductionProbeRequest) => ({
        request: asked,
        result: await store.getState().probe(asked),
      }),
      (landed) => {
        setAnswer(landed);
        setFailure(null);
      },
      (error) => setFailure(error instanceof Error ? error.message : String(error)),
    );
    runner.current = latest;
    return () => latest.dispose();
  }, [store]);

  // The models exist once there is a snapshot (checkpoint, fresh parameters or a run).
  useEffect(() => {
    if (request && snapshot) runner.current?.submit(request);
  }, [request, snapshot]);

  const current = request !== null && answer !== null;
  return {
    text,
    setText,
    tokens: parsed.tokens,
    message: parsed.message,
    result: current ? answer.result : null,
    failure,
    pending: request !== null && (answer?.request !== request || !snapshot),
  };
}
