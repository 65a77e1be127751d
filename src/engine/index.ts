/**
 * The engine's public face. Nothing imported here loads tfjs: `createEngine` imports tfjs-core
 * and each backend dynamically, on first use, so the essay paints before tfjs downloads.
 */
export { BACKEND_LABEL, BACKEND_ORDER, isBackendName, parseBackendParam } from "./backendParam";
export { createEngine, DEFAULT_FRAME_BUDGET_MS, pageEngine } from "./engine";
export { READBACK_BUDGET_BYTES, type ReadbackPlan, readbackPlan } from "./largeAttentionPlan";
export type { LargeAttentionParams, LargeAttentionResult } from "./largeAttentionTypes";
export { createLatestWins, type LatestWins } from "./scheduler";
export type { RunOverrides } from "./training/protocol";
export {
  createTrainingDriver,
  type DriverOf,
  defaultCheckpointUrl,
  type ExperimentTypes,
  type TrainingDriverOptions,
} from "./training/session";
export type {
  AttentionWork,
  BackendInfo,
  BackendName,
  CostSample,
  Engine,
  EngineOptions,
  TfLoader,
  Timed,
} from "./types";
