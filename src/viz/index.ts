export {
  type ChartData,
  type ChartFigure,
  type ChartHandle,
  type ChartOptions,
  type ChartSeries,
  drawChart,
} from "./chart";
export { drawHeatmap, type HeatmapData, type HeatmapHandle, type HeatmapOptions } from "./heatmap";
export * from "./palette";
export { drawPlane, type PlaneData, type PlaneHandle, type PlaneOptions } from "./plane";
export type { DragPhase } from "./planeInput";
