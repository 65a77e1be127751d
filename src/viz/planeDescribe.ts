import { roleNames } from "./palette";
import { type ArrowSet, arrowRoles, type LegendItem } from "./planeArrows";
import type { MixingView } from "./planeMixing";
import type { Point } from "./planeOverrides";
import { formatPoint } from "./svg";

/** The legend's rows: only what is drawn. */
export function legendItems(
  arrowSets: readonly ArrowSet[],
  hasOutputs: boolean,
  hasMixing: boolean,
  outputName: string = roleNames.output,
): LegendItem[] {
  const items: LegendItem[] = [{ role: "token", label: "token", mark: "dot" }];
  for (const set of arrowSets)
    items.push({ role: arrowRoles[set.kind], label: roleNames[arrowRoles[set.kind]], mark: "arrow" });
  if (hasMixing) items.push({ role: "value", label: "value (mixing)", mark: "square" });
  if (hasOutputs) items.push({ role: "output", label: outputName, mark: "diamond" });
  return items;
}

/** The <desc>: what the figure shows, in words, for readers who cannot see it. */
export function describePlane(
  tokens: readonly string[],
  points: readonly Point[],
  arrowSets: readonly ArrowSet[],
  hasOutputs: boolean,
  mixing: MixingView | null,
  outputName: string = roleNames.output,
): string {
  const parts = [
    `Embedding plane with ${points.length} token${points.length === 1 ? "" : "s"}: ${points
      .map((p, i) => `${tokens[i]} at ${formatPoint(p[0], p[1])}`)
      .join("; ")}.`,
  ];
  if (arrowSets.length > 0) {
    parts.push(
      `Arrows from each token show its ${arrowSets.map((s) => roleNames[arrowRoles[s.kind]]).join(", ")}.`,
    );
  }
  if (hasOutputs) parts.push(`Diamonds mark the ${outputName}s.`);
  if (mixing) {
    parts.push(
      `Lines from the output of ${tokens[mixing.row] ?? mixing.row + 1} to each value are as strong as its weight.`,
    );
  }
  return parts.join(" ");
}
