import { useEffect, useState } from "react";
import { BACKEND_LABEL, type BackendInfo, type BackendName, type Engine } from "../../engine";
import { BackendSelect } from "./BackendSelect";

interface BackendBadgeProps {
  engine: Engine;
  /** Milliseconds of the newest update (compute and readback), or null before the first. */
  ms: number | null;
}

const formatMs = (ms: number) => (ms < 10 ? ms.toFixed(1) : Math.round(ms).toString());

/**
 * Names the backend and device computing this widget, with the time per update, and switches
 * backend live. tfjs has one backend per page, so a switch here moves every widget on the page.
 */
export function BackendBadge({ engine, ms }: BackendBadgeProps) {
  const [info, setInfo] = useState<BackendInfo | null>(() => engine.info());
  const [switching, setSwitching] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    setInfo(engine.info());
    return engine.subscribe(setInfo);
  }, [engine]);

  const choose = (value: BackendName | "auto") => {
    setSwitching(true);
    setFailure(null);
    engine
      .setBackend(value)
      .catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)))
      .finally(() => setSwitching(false));
  };

  const label = info ? `${BACKEND_LABEL[info.name]} · ${info.adapter}` : "starting tfjs…";
  return (
    <div className="dw-badge" data-backend={info?.name ?? ""}>
      <output className="dw-badge-name" title={info?.reason} aria-live="polite">
        {label}
        {ms !== null && info ? <span className="dw-badge-ms"> · {formatMs(ms)} ms/update</span> : null}
      </output>
      <BackendSelect
        label="Compute backend"
        value={info?.forced ? info.name : "auto"}
        disabled={switching}
        onChange={choose}
      />
      {info ? <span className="dw-badge-reason">{info.reason}</span> : null}
      {failure ? (
        <span role="alert" className="dw-badge-failure">
          Could not switch: {failure}
        </span>
      ) : null}
    </div>
  );
}
