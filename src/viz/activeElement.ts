/**
 * The focused element as seen from `node`'s own tree. Inside a shadow root (a `<dw-*>` element on a
 * blogger's page) `document.activeElement` is the host element, not the focused node, so a figure
 * asks its own root instead.
 */
export function activeElementOf(node: Node): Element | null {
  const root = node.getRootNode() as Document | ShadowRoot;
  return "activeElement" in root ? root.activeElement : null;
}
