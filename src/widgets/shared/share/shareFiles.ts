import { exportFilename } from "./download";
import { figureJson, matrixCsv, type NamedMatrix, tokensOf } from "./exportData";
import { figurePng } from "./exportPng";
import { figureSvgText } from "./exportSvg";
import type { ShareSnapshot } from "./shareSnapshot";

/** A file the menu offers to download. */
export interface ShareFile {
  blob: Blob;
  filename: string;
}

const text = (body: string, type: string) => new Blob([body], { type: `${type};charset=utf-8` });

/** The figure as one standalone SVG (see exportSvg.ts). */
export function svgFile(root: HTMLElement, snapshot: ShareSnapshot<unknown>): ShareFile {
  const { text: body } = figureSvgText(root, snapshot.title);
  return { blob: text(body, "image/svg+xml"), filename: exportFilename(snapshot.name, "svg") };
}

/** The same SVG drawn at 2× as PNG. */
export async function pngFile(root: HTMLElement, snapshot: ShareSnapshot<unknown>): Promise<ShareFile> {
  const { text: body, width, height } = figureSvgText(root, snapshot.title);
  const blob = await figurePng(root.ownerDocument, body, width, height);
  return { blob, filename: exportFilename(snapshot.name, "png") };
}

/** Settings, link and the figure's value as JSON. */
export function jsonFile(snapshot: ShareSnapshot<unknown>): ShareFile {
  const body = figureJson({
    title: snapshot.title,
    name: snapshot.name,
    version: snapshot.version,
    encoded: snapshot.encoded,
    settings: snapshot.settings,
    link: snapshot.link,
    value: snapshot.value,
  });
  return { blob: text(body, "application/json"), filename: exportFilename(snapshot.name, "json") };
}

/** One matrix of the figure's value as CSV, labelled with its tokens where they fit. */
export function csvFile(snapshot: ShareSnapshot<unknown>, matrix: NamedMatrix): ShareFile {
  const body = matrixCsv(matrix, tokensOf(snapshot.value));
  return { blob: text(body, "text/csv"), filename: exportFilename(snapshot.name, "csv", matrix.key) };
}
