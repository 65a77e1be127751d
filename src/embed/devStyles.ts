import { shadowRootCss } from "./shadowCss";

/**
 * In `vite serve` there is no bundled stylesheet: Vite injects each imported CSS file into the
 * document's <head> as `<style data-vite-dev-id>`, where it cannot reach a shadow root. This keeps
 * a rewritten copy of each of those styles in `root`, following additions and hot updates.
 * Dev only: the build links its one CSS file instead. Returns the stop function.
 */
export function mirrorDevStyles(root: ShadowRoot): () => void {
  const head = root.ownerDocument.head;
  const copies = new Map<string, HTMLStyleElement>();
  const sync = () => {
    for (const style of head.querySelectorAll<HTMLStyleElement>("style[data-vite-dev-id]")) {
      const id = style.dataset.viteDevId as string;
      let copy = copies.get(id);
      if (!copy) {
        copy = root.ownerDocument.createElement("style");
        copies.set(id, copy);
        root.prepend(copy);
      }
      const css = shadowRootCss(style.textContent ?? "");
      if (copy.textContent !== css) copy.textContent = css;
    }
  };
  const observer = new MutationObserver(sync);
  observer.observe(head, { childList: true, subtree: true, characterData: true });
  sync();
  return () => observer.disconnect();
}
