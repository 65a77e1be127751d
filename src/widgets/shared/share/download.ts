/**
 * Saves `blob` as a file named `filename`: a temporary `<a download>` on an object URL, clicked and
 * removed. The URL is revoked on the next task, after the browser has started the download.
 * `doc` is the widget's own document (a widget may live in an iframe or a shadow root).
 */
export function downloadBlob(doc: Document, blob: Blob, filename: string): void {
  const view = doc.defaultView ?? window;
  const url = view.URL.createObjectURL(blob);
  const link = doc.createElement("a");
  link.href = url;
  link.download = filename;
  link.rel = "noopener";
  link.style.display = "none";
  doc.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    view.setTimeout(() => view.URL.revokeObjectURL(url), 0);
  }
}

/** `dynamic-weights-attention.svg`, `dynamic-weights-attention-weights.csv`. */
export function exportFilename(name: string, extension: string, part?: string): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, "-");
  return `dynamic-weights-${safe(name)}${part ? `-${safe(part)}` : ""}.${extension}`;
}
