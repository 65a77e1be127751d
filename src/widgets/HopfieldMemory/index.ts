export type { HopfieldMemoryFigureValue } from "./figureValue";
export { HopfieldMemory, type HopfieldMemoryProps, HopfieldMemoryView } from "./HopfieldMemory";
