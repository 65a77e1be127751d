export { BilinearScore, type BilinearScoreProps, BilinearScoreView } from "./BilinearScore";
export type { BilinearFigureValue } from "./figureValue";
