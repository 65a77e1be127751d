import { useEffect } from "react";
import { useFastWeights, useFastWeightsStoreApi } from "../../state/fastWeightsContext";

/** Time per token while playing: long enough to read the new outer product. */
export const PLAY_INTERVAL_MS = 1200;

/**
 * Advances the step while the store says `playing`, one token per PLAY_INTERVAL_MS, and stops at
 * the last token. Under reduced motion nothing advances on its own (and playing is switched off).
 */
export function usePlayback(reducedMotion: boolean): void {
  const store = useFastWeightsStoreApi();
  const playing = useFastWeights((s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    if (reducedMotion) {
      store.getState().setPlaying(false);
      return;
    }
    const timer = setInterval(() => {
      const { step, tokens, setStep, setPlaying } = store.getState();
      if (step >= tokens.length - 1) setPlaying(false);
      else setStep(step + 1);
    }, PLAY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [playing, reducedMotion, store]);
}
