export {
  type CapacityFigureValue,
  MemoryCapacity,
  type MemoryCapacityProps,
  MemoryCapacityView,
} from "./MemoryCapacity";
