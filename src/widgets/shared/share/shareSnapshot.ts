import type { ShareHost } from "../../../state/share/shareHost";
import { bibtexCitation, plainCitation } from "./citation";
import { matricesOf, type NamedMatrix } from "./exportData";
import type { ShareSpec, Subscribable } from "./shareSpec";
import { elementSnippet, iframeSnippet } from "./snippets";

/**
 * Everything the share menu shows and exports, read from the widget at one moment. It is taken
 * when the menu opens and again when an action runs, never on a store update: encoding costs
 * nothing while the reader drags.
 */
export interface ShareSnapshot<S> {
  name: string;
  title: string;
  version: number;
  /** The shareable state as link text (`v1;text=…`). */
  encoded: string;
  /** The same state, decoded. */
  settings: S;
  /** The essay at this state. */
  link: string;
  /** The embed page at this state. */
  embedUrl: string;
  iframe: string;
  element: string;
  citation: string;
  bibtex: string;
  /** The figure's published `value` (inputs and computed matrices), or undefined if it has none. */
  value: unknown;
  /** The matrices in `value`, one CSV each. */
  matrices: NamedMatrix[];
}

/** The widget's published figure value (`element.value`, see publishFigure.ts). */
export function figureValueOf(root: HTMLElement | null): unknown {
  return root ? (root as HTMLElement & { value?: unknown }).value : undefined;
}

/** The widget's height without the open share panel: what an embed of it needs at first. */
function figureHeight(root: HTMLElement | null): number {
  if (!root) return 0;
  const panel = root.querySelector(".dw-share-panel");
  return root.getBoundingClientRect().height - (panel?.getBoundingClientRect().height ?? 0);
}

/** Reads instance `id` as it is now: its encoded state, every link and snippet, and its value. */
export function takeSnapshot<T, S>(
  id: string,
  spec: ShareSpec<T, S>,
  store: Subscribable<T>,
  host: ShareHost,
  root: HTMLElement | null,
): ShareSnapshot<S> {
  const { codec, title } = spec;
  const settings = spec.toShared(store.getState());
  const encoded = codec.encode(settings);
  const link = host.links.essay(id, codec.name, encoded);
  const embedUrl = host.links.embed(codec.name, encoded);
  const value = figureValueOf(root);
  return {
    name: codec.name,
    title,
    version: codec.version,
    encoded,
    settings,
    link,
    embedUrl,
    iframe: iframeSnippet({ embedUrl, title, height: figureHeight(root) }),
    element: elementSnippet(host.links.elementsScript, codec.name, encoded),
    citation: plainCitation(title, link),
    bibtex: bibtexCitation(codec.name, title, link),
    value,
    matrices: matricesOf(value),
  };
}
