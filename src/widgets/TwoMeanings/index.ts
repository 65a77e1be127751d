export { ClaimCheck } from "./ClaimCheck";
export type { TwoMeaningsFigureValue } from "./figureValue";
export { TwoMeanings, type TwoMeaningsProps, TwoMeaningsView } from "./TwoMeanings";
