export { drawHeatmap, type HeatmapData, type HeatmapHandle, type HeatmapOptions } from "./heatmap";
export * from "./palette";
export { drawPlane, type PlaneData, type PlaneHandle, type PlaneOptions } from "./plane";
export type { DragPhase } from "./planeInput";
