import { createContext, type ReactNode, useContext } from "react";

/**
 * Where a widget's share links point. The essay, the embed page and the script-tag elements each
 * serve the essay from somewhere else, so each host says where.
 */
export interface ShareLinks {
  /** The essay opened at instance `id`'s section with `encoded` restored in it. */
  essay(id: string, name: string, encoded: string): string;
  /** The embed page for widget `name` at `encoded`. */
  embed(name: string, encoded: string): string;
  /** The script-tag bundle (`<script type="module" src=…>`) that defines the `dw-*` elements. */
  elementsScript: string;
}

/**
 * What a page that shows widgets (the essay, the embed page, a custom element) tells them about
 * sharing: the state a link asked an instance to start from, where to report the reader's changes,
 * and where links point. Without a provider a widget starts from its props and reports nothing.
 */
export interface ShareHost {
  /** The encoded state a link gave instance `id`, if any (read once, when the widget mounts). */
  initialState(id: string): string | undefined;
  /** Instance `id` of widget `name` now shows `encoded` (called after the reader changes it). */
  stateChanged(id: string, name: string, encoded: string): void;
  links: ShareLinks;
}

/** Links relative to the page: the essay at `./`, the embed page and the bundle beside it. */
export function linksFrom(
  essayUrl: string,
  sectionOf: (id: string, name: string) => string | undefined,
): ShareLinks {
  const base = new URL(essayUrl);
  base.hash = "";
  base.search = "";
  return {
    essay(id, name, encoded) {
      const section = sectionOf(id, name) ?? id;
      return `${base.href}#${section}/${id}/${encoded}`;
    },
    embed(name, encoded) {
      const url = new URL("embed.html", base);
      url.searchParams.set("widget", name);
      if (encoded !== "" && !/^v\d+$/.test(encoded)) url.searchParams.set("state", encoded);
      return url.href;
    },
    elementsScript: new URL("elements/dw-elements.js", base).href,
  };
}

const defaultHost: ShareHost = {
  initialState: () => undefined,
  stateChanged: () => {},
  links: linksFrom(typeof location === "undefined" ? "http://localhost/" : location.href, () => undefined),
};

const ShareHostContext = createContext<ShareHost>(defaultHost);

export function ShareHostProvider({ host, children }: { host: ShareHost; children: ReactNode }) {
  return <ShareHostContext.Provider value={host}>{children}</ShareHostContext.Provider>;
}

export function useShareHost(): ShareHost {
  return useContext(ShareHostContext);
}
