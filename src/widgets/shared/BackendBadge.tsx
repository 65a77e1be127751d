import { useEffect, useId, useState } from "react";
import { BACKEND_LABEL, BACKEND_ORDER, type BackendInfo, type BackendName, type Engine } from "../../engine";

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
  const selectId = useId();

  useEffect(() => {
    setInfo(engine.info());
    return engine.subscribe(setInfo);
  }, [engine]);

  const choose = (value: string) => {
    setSwitching(true);
    setFailure(null);
    engine
      .setBackend(value as BackendName | "auto")
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
      <label htmlFor={selectId} className="dw-visually-hidden">
        Compute backend
      </label>
      <select
        id={selectId}
        className="dw-badge-switch"
        value={info?.forced ? info.name : "auto"}
        disabled={switching}
        onChange={(event) => choose(event.target.value)}
      >
        <option value="auto">auto</option>
        {BACKEND_ORDER.map((name) => (
          <option key={name} value={name}>
            {BACKEND_LABEL[name]}
          </option>
        ))}
      </select>
      {info ? <span className="dw-badge-reason">{info.reason}</span> : null}
      {failure ? (
        <span role="alert" className="dw-badge-failure">
          Could not switch: {failure}
        </span>
      ) : null}
    </div>
  );
}
