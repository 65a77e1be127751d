import { createContext, type RefObject, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { StoreApi } from "zustand";
import type { ExperimentId } from "../../core/training";
import { type BackendName, createTrainingDriver, parseBackendParam } from "../../engine";
import type { TrainingShared } from "../../state/share/trainingShare";
import { createTrainingStore } from "../../state/trainingStore";
import type { TrainingDriver, TrainingState } from "../../state/trainingTypes";
import { lazyDriver } from "./lazyDriver";
import { useNearViewport } from "./useNearViewport";

/*
 * How a Part III figure gets its trainer:
 *
 *   <TrainedGradientDescent>  ─ useTrainingStore("gd") ─►  store ─► lazy driver ─► createDriver("gd")
 *        │ root element near the viewport                    ▲            (a Worker, made on start)
 *        └─ useStartWhenNear ─ store.start() ────────────────┘
 *   unmount ─► store.dispose() ─► driver.dispose() (worker and every tensor freed)
 */

/** Where a figure's training drivers come from: the page's worker by default, a scripted fake in tests. */
export interface TrainingDrivers {
  /**
   * A new driver for one figure instance (each instance trains on its own); `run.steps` is the
   * length of its runs when the figure's prop or a link sets one.
   */
  createDriver(experiment: ExperimentId, run?: { steps?: number }): TrainingDriver<unknown, unknown, unknown>;
  /** The backend the page forces with `?backend=`, or null for auto; the backend select starts there. */
  forced: BackendName | null;
}

const TrainingDriverContext = createContext<TrainingDrivers | null>(null);

/** Hands the figures below it other drivers than the page's (tests give scripted ones). */
export const TrainingDriverProvider = TrainingDriverContext.Provider;

/** The provided drivers, else the engine's worker drivers honouring `?backend=` in the address. */
export function useTrainingDrivers(): TrainingDrivers {
  const provided = useContext(TrainingDriverContext);
  const search = typeof location === "undefined" ? "" : location.search;
  const page = useMemo((): TrainingDrivers => {
    const forced = parseBackendParam(search);
    return {
      forced,
      createDriver: (experiment, run) =>
        createTrainingDriver(experiment, { forced, config: run?.steps ? { steps: run.steps } : undefined }),
    };
  }, [search]);
  return provided ?? page;
}

/** A figure's own settings for its run. */
export interface TrainingStoreProps {
  /** Seeds the parameters and batches of a run trained here (whole number; default the experiment's). */
  seed?: number;
  /** Steps in a full run (default the experiment's). */
  totalSteps?: number;
}

interface Instance<S, Q, R> {
  store: StoreApi<TrainingState<S, Q, R>>;
  disposed: boolean;
}

/**
 * One training store (and driver) per widget instance, made once and disposed on unmount. The
 * driver is lazy: nothing loads until `start()`. Under React's StrictMode the first mount is
 * unmounted and mounted again; its disposed store is then replaced by a fresh one.
 */
export function useTrainingStore<S, Q = never, R = never>(
  experiment: ExperimentId,
  props: TrainingStoreProps,
  /** A configuration a link restored (useSharedStart); it replaces the props. */
  shared?: TrainingShared & { probe?: string },
): StoreApi<TrainingState<S, Q, R>> {
  const drivers = useTrainingDrivers();
  const make = (): Instance<S, Q, R> => {
    const steps = shared ? shared.steps : props.totalSteps;
    return {
      store: createTrainingStore<S, Q, R>(
        experiment,
        lazyDriver(() => drivers.createDriver(experiment, { steps }) as unknown as TrainingDriver<S, Q, R>),
        { seed: props.seed, totalSteps: props.totalSteps, shared },
      ),
      disposed: false,
    };
  };
  const latestMake = useRef(make);
  latestMake.current = make;
  const [instance, setInstance] = useState(make);
  useEffect(() => {
    if (instance.disposed) {
      setInstance(latestMake.current());
      return;
    }
    return () => {
      instance.disposed = true;
      instance.store.getState().dispose();
    };
  }, [instance]);
  return instance.store;
}

/**
 * Starts the store's driver (tfjs, backend, checkpoint) once `ref`'s element nears the viewport,
 * once per store: a figure far below the fold costs nothing until the reader scrolls towards it.
 */
export function useStartWhenNear<S, Q, R>(
  store: StoreApi<TrainingState<S, Q, R>>,
  ref: RefObject<Element | null>,
): void {
  const near = useNearViewport(ref);
  const started = useRef<StoreApi<TrainingState<S, Q, R>> | null>(null);
  useEffect(() => {
    if (!near || started.current === store) return;
    started.current = store;
    store.getState().start();
  }, [near, store]);
}
