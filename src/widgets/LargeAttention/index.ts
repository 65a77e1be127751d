export type { LargeAttentionFigureValue } from "./figureValue";
export { LargeAttention, type LargeAttentionProps, LargeAttentionView } from "./LargeAttention";
