export type { MlpVersusAttentionFigureValue } from "./figureValue";
export {
  MlpVersusAttention,
  type MlpVersusAttentionProps,
  MlpVersusAttentionView,
} from "./MlpVersusAttention";
