export type { InContextRegressionFigureValue } from "./figureValue";
export {
  InContextRegression,
  type InContextRegressionProps,
  InContextRegressionView,
} from "./InContextRegression";
