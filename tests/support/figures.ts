/**
 * Waiting on a widget in browser tests. Every widget publishes its state as `element.value` and
 * fires a bubbling `input` event when a new result is drawn; `version(root)` reads the number of
 * the result on screen (each widget says where).
 */
export type FigureElement<V> = HTMLElement & { value: V };

type Version = (root: HTMLElement) => number;

/** The version of the result drawn in the panel `[data-kind=kind]` (its data-result-version). */
export const panelVersion =
  (kind: string): Version =>
  (root) =>
    Number(root.querySelector<HTMLElement>(`[data-kind="${kind}"]`)?.dataset.resultVersion || 0);

/** Resolves with the figure's value once a result newer than `after` has been drawn. */
export function nextResult<V>(
  root: FigureElement<V>,
  after: number,
  version: Version,
  timeoutMs = 60_000,
): Promise<V> {
  return new Promise((resolve, reject) => {
    const onInput = () => requestAnimationFrame(check);
    const timer = setTimeout(() => {
      root.removeEventListener("input", onInput);
      reject(new Error(`no new result within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    function check() {
      if (version(root) <= after) return;
      clearTimeout(timer);
      root.removeEventListener("input", onInput);
      resolve(root.value);
    }
    root.addEventListener("input", onInput);
    check();
  });
}

/**
 * The figure's value once no new result has landed for 400 ms (the last job of a drag is drawn)
 * and `ready(value)` holds, within `timeoutMs`.
 */
export async function settled<V>(
  root: FigureElement<V>,
  version: Version,
  ready: (value: V) => boolean = () => true,
  timeoutMs = 60_000,
): Promise<V> {
  const deadline = performance.now() + timeoutMs;
  let last = -1;
  while (!ready(root.value) || version(root) !== last) {
    if (performance.now() > deadline)
      throw new Error(`the figure did not settle within ${timeoutMs / 1000} s`);
    last = version(root);
    await new Promise((r) => setTimeout(r, 400));
  }
  return root.value;
}
