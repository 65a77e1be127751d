import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { findWidget } from "../widgets/registry";
import { EmbeddedWidget, UnknownWidget } from "./EmbeddedWidget";
import { createEmbedHost } from "./embedHost";
import { embedInstanceId } from "./instanceId";

export interface MountProps {
  /** The registry name (`attention`); an unknown one shows a message listing the valid names. */
  widget: string;
  /** The encoded state to start from (as in a link); absent means the widget's defaults. */
  state?: string;
  /** The essay this copy came from: where "open in the essay" and share links point. */
  essayUrl: string | URL;
  /** Called with the encoded state each time the reader's changes settle. */
  onStateChange?(encoded: string): void;
}

export interface Mounted {
  /** Shows `props`: the same widget at the same state keeps its view; anything else starts afresh. */
  update(props: MountProps): void;
  /** The encoded state the reader sees now (the starting state until they change something). */
  readonly state: string;
  /** The shown widget's instance id: its root element's id, which carries `value`; null for a message. */
  readonly instanceId: string | null;
  destroy(): void;
}

/**
 * Renders one registry widget into `element` with its own React root, share host and instance id,
 * so any number of mounts on a page stay independent. A widget restores its state only when it
 * mounts, so a new `state` (or widget) remounts it rather than patching a live store.
 *
 *   mount ─▶ root.render(host₁, id₁) ─ reader drags ─▶ host₁.stateChanged ─▶ onStateChange
 *   update(same widget, same state) ─▶ no change
 *   update(new state) ─▶ host₂, id₂: the widget mounts again from the new state
 *   destroy ─▶ root.unmount
 */
export function mount(element: Element, props: MountProps): Mounted {
  const root = createRoot(element, { identifierPrefix: `${embedInstanceId("dw")}-` });
  let shown: MountProps | null = null;
  let current: () => string = () => props.state ?? "";
  let instanceId: string | null = null;

  const render = (next: MountProps) => {
    const sameView =
      shown !== null &&
      shown.widget === next.widget &&
      shown.state === next.state &&
      String(shown.essayUrl) === String(next.essayUrl);
    shown = next;
    if (sameView) return;
    const entry = findWidget(next.widget);
    if (!entry) {
      current = () => next.state ?? "";
      instanceId = null;
      root.render(<UnknownWidget name={next.widget} />);
      return;
    }
    // Read through `shown`, so a later update that only swaps the callback reaches it.
    const host = createEmbedHost(entry, next.state, next.essayUrl, (encoded) =>
      shown?.onStateChange?.(encoded),
    );
    current = host.current;
    const id = embedInstanceId(entry.instanceId);
    instanceId = id;
    root.render(
      <StrictMode>
        <EmbeddedWidget key={id} entry={entry} id={id} host={host} />
      </StrictMode>,
    );
  };

  render(props);
  return {
    update: render,
    get state() {
      return current();
    },
    get instanceId() {
      return instanceId;
    },
    destroy() {
      root.unmount();
    },
  };
}
