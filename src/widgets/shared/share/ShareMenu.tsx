import { type KeyboardEvent, type RefObject, useCallback, useEffect, useId, useRef, useState } from "react";
import { useShareHost } from "../../../state/share/shareHost";
import { ShareActions } from "./ShareActions";
import { type ShareSnapshot, takeSnapshot } from "./shareSnapshot";
import type { ShareSpec, Subscribable } from "./shareSpec";

export interface ShareMenuProps<T, S> {
  /** The widget instance's id (its name in links). */
  id: string;
  spec: ShareSpec<T, S>;
  store: Subscribable<T>;
  /** The widget's root: its drawings are exported and its `value` read from it. */
  rootRef: RefObject<HTMLElement | null>;
}

/**
 * The share menu on every widget: a "Share" disclosure button and, below it, a panel (not a modal)
 * to copy a link, an iframe or script-tag snippet, or a citation, and to download the figure (SVG,
 * PNG) and its numbers (JSON, CSV). Escape closes it and returns focus to the button; a click
 * outside closes it. It finds everything through refs and its own document, never by global id or
 * selector, so it works twice on a page and inside a shadow root.
 *
 *   closed ──open──▶ snapshot taken, panel shown ──action──▶ fresh snapshot, result announced
 *     ▲                              │
 *     └──── Escape / Share / click outside
 */
export function ShareMenu<T, S>({ id, spec, store, rootRef }: ShareMenuProps<T, S>) {
  const host = useShareHost();
  const panelId = useId();
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [snapshot, setSnapshot] = useState<ShareSnapshot<S> | null>(null);
  const [status, setStatus] = useState({ text: "", count: 0 });
  const open = snapshot !== null;

  const refresh = useCallback(() => {
    const next = takeSnapshot(id, spec, store, host, rootRef.current);
    setSnapshot(next);
    return next;
  }, [id, spec, store, host, rootRef]);
  const close = useCallback(() => setSnapshot(null), []);
  // A new node for each message, so the same words said twice are announced twice.
  const announce = useCallback((text: string) => setStatus((s) => ({ text, count: s.count + 1 })), []);
  const doc = useCallback(() => menuRef.current?.ownerDocument ?? document, []);

  useOutsideClick(menuRef, open, close);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    event.stopPropagation();
    close();
    buttonRef.current?.focus();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape from anywhere in the menu closes it.
    <div className="dw-share" ref={menuRef} onKeyDown={onKeyDown}>
      <button
        type="button"
        ref={buttonRef}
        className="dw-share-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => (open ? close() : refresh())}
      >
        Share
      </button>
      <div id={panelId} className="dw-share-panel" hidden={!open}>
        {snapshot ? (
          <ShareActions
            snapshot={snapshot}
            refresh={refresh}
            root={() => rootRef.current}
            doc={doc}
            announce={announce}
          />
        ) : null}
      </div>
      <div className="dw-share-status" role="status" aria-live="polite">
        {status.text ? <span key={status.count}>{status.text}</span> : null}
      </div>
    </div>
  );
}

/**
 * Calls `close` on a pointer press outside `ref` while `active`. The press is heard on the menu's
 * own document (a shadow root's events reach it, retargeted), and it counts as inside when the
 * menu itself saw it first or the event's composed path passes through the menu.
 */
function useOutsideClick(ref: RefObject<HTMLElement | null>, active: boolean, close: () => void): void {
  useEffect(() => {
    const menu = ref.current;
    if (!active || !menu) return;
    let inside: Event | null = null;
    const markInside = (event: Event) => {
      inside = event;
    };
    const onPress = (event: Event) => {
      if (event === inside || event.composedPath().includes(menu)) return;
      close();
    };
    const doc = menu.ownerDocument;
    menu.addEventListener("pointerdown", markInside);
    doc.addEventListener("pointerdown", onPress);
    return () => {
      menu.removeEventListener("pointerdown", markInside);
      doc.removeEventListener("pointerdown", onPress);
    };
  }, [ref, active, close]);
}
