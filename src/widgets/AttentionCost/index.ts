export { AttentionCost, type AttentionCostProps, AttentionCostView } from "./AttentionCost";
export type { AttentionCostFigureValue } from "./figureValue";
