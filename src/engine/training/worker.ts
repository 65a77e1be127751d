/*
 * The Web Worker that trains one Part III experiment off the page's thread.
 *
 * Protocol (every message a plain object; see protocol.ts for the types, messages.ts for the checks):
 *
 *   page → worker
 *     { type: "setup", experiment: "gd" | "mlp" | "induction", forced: BackendName | null,
 *       checkpointUrl: string,                      once, first; absolute URL of the checkpoint JSON
 *       config?: { steps?, batchSize?, learningRate? } }   a shorter run (tests, quick demos)
 *     { type: "start" } | { type: "run" } | { type: "pause" } | { type: "loadCheckpoint" }
 *     { type: "reset", seed: integer 0 … 2³¹ − 1 }
 *     { type: "setRate", stepsPerSecond: number > 0 | null }
 *     { type: "setBackend", name: BackendName | "auto" }
 *     { type: "probe", id: integer, request: … }   the experiment's probe request
 *     { type: "dispose" }
 *   worker → page
 *     { type: "event", event: TrainingEvent }       ready · checkpoint · checkpointFailed · reset ·
 *                                                   progress · paused · finished · error
 *     { type: "probeResult", id, result } | { type: "probeFailed", id, message }
 *
 * Anything else is ignored, as are commands before "setup". Commands run in the order sent.
 */
import { errorText } from "../backends";
import { defaultLoader } from "../loadTf";
import { experimentById } from "./experiments";
import { createTrainingHost, type TrainingHost } from "./host";
import { readToWorker } from "./messages";
import type { FromWorker } from "./protocol";
import { fetchText, yieldMacrotask } from "./yielding";

/** The parts of the worker's global scope used here (the DOM lib types `self` as a Window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: FromWorker): void;
  close(): void;
}

const scope = self as unknown as WorkerScope;
let host: TrainingHost<unknown, unknown> | null = null;

scope.onmessage = (event: MessageEvent) => {
  const message = readToWorker(event.data);
  if (!message) return;
  if (message.type === "setup") {
    if (host) return;
    let experiment: ReturnType<typeof experimentById>;
    try {
      experiment = experimentById(message.experiment);
    } catch (error) {
      const text = `Training could not start: ${errorText(error)}`;
      scope.postMessage({ type: "event", event: { type: "error", message: text } });
      return;
    }
    host = createTrainingHost<unknown, unknown, unknown>({
      experiment,
      loader: defaultLoader,
      forced: message.forced,
      checkpointUrl: message.checkpointUrl,
      config: message.config,
      fetchText,
      yieldToThread: yieldMacrotask,
      emit: (trainingEvent) => scope.postMessage({ type: "event", event: trainingEvent }),
    });
    return;
  }
  if (!host) return;
  if (message.type === "probe") {
    const { id } = message;
    host.probe(message.request).then(
      (result) => scope.postMessage({ type: "probeResult", id, result }),
      (error) => scope.postMessage({ type: "probeFailed", id, message: errorText(error) }),
    );
    return;
  }
  host.handle(message);
  if (message.type === "dispose") void host.settled().then(() => scope.close());
};
