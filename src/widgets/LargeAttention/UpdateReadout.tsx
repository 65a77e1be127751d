import { BACKEND_LABEL, isBackendName } from "../../engine";
import { useLargeAttention } from "../../state/largeAttentionContext";
import { hoveredWeight, limitMessage } from "../../state/largeAttentionStore";
import { formatPooled } from "../../viz/pooledHeatmap";

/** 512 B, 12.5 KiB, 1.00 MiB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

const label = (backend: string) => (isBackendName(backend) ? BACKEND_LABEL[backend] : backend);

/**
 * What the newest update cost and who computed it (in auto mode the engine picks the backend per
 * size, so it can differ from the page's), the hovered entry's exact weight, and the limit message.
 */
export function UpdateReadout() {
  const result = useLargeAttention((s) => s.result);
  const hover = useLargeAttention((s) => s.hover);
  const exact = useLargeAttention(hoveredWeight);
  const limit = useLargeAttention(limitMessage);
  const computeError = useLargeAttention((s) => s.computeError);
  return (
    <div className="dw-large-readout">
      {result ? (
        <p className="dw-large-update" data-backend={result.backend}>
          <span className="dw-large-backend">{label(result.backend)}</span>{" "}
          <span className="dw-badge-reason">({result.reason})</span> · n = {result.job.n}, d = {result.job.d}{" "}
          · <span data-readout="ms">{result.ms.toFixed(1)} ms per update</span> ·{" "}
          <span data-readout="bytes">{formatBytes(result.bytesRead)} read back</span>
        </p>
      ) : (
        <p className="dw-large-update">Computing the first picture…</p>
      )}
      <p className="dw-large-hovered" data-readout="hovered" data-value={exact ?? ""} aria-live="polite">
        {hover
          ? exact === null
            ? `A[${hover.row}][${hover.col}]: reading row ${hover.row} back…`
            : `A[${hover.row}][${hover.col}] = ${formatPooled(exact)} exactly (row ${hover.row} read back in full)`
          : "Point at a cell, or focus a matrix and use the arrow keys, to read one weight exactly."}
      </p>
      {limit ? (
        <p role="alert" className="dw-message dw-message-warning" data-readout="limit">
          {limit}
        </p>
      ) : null}
      {computeError ? (
        <p role="alert" className="dw-message dw-message-warning">
          The last update failed ({computeError}); the figure shows the previous result.
        </p>
      ) : null}
    </div>
  );
}
