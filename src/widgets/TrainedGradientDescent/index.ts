export type { TrainedGradientDescentFigureValue } from "./figureValue";
export {
  TrainedGradientDescent,
  type TrainedGradientDescentProps,
  TrainedGradientDescentView,
} from "./TrainedGradientDescent";
