import { useLayoutEffect, useRef } from "react";
import { drawHeatmap, type HeatmapData, type HeatmapHandle, type HeatmapOptions } from "../../viz/heatmap";

/**
 * A heatmap drawn from props: made on the first render, updated in place on every new `data`
 * (the maps change a few times a second during training, not every frame, so React may drive them).
 */
export function AttentionHeatmap({ data, options }: { data: HeatmapData; options: HeatmapOptions }) {
  const ref = useRef<HTMLDivElement>(null);
  const handle = useRef<HeatmapHandle | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (handle.current) handle.current.update(data, options);
    else handle.current = drawHeatmap(element, data, options);
  }, [data, options]);
  useLayoutEffect(
    () => () => {
      handle.current?.destroy();
      handle.current = null;
    },
    [],
  );
  return <div ref={ref} />;
}
