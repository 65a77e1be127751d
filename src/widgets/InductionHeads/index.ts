export type { InductionHeadsFigureValue } from "./figureValue";
export { InductionHeads, type InductionHeadsProps, InductionHeadsView } from "./InductionHeads";
