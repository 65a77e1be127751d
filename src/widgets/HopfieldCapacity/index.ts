export type { HopfieldCapacityFigureValue } from "./figureValue";
export { HopfieldCapacity, type HopfieldCapacityProps, HopfieldCapacityView } from "./HopfieldCapacity";
