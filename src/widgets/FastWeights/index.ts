export { FastWeights, type FastWeightsProps, FastWeightsView } from "./FastWeights";
export type { FastWeightsFigureValue } from "./figureValue";
