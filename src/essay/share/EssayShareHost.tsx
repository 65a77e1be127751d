import { type ReactNode, useEffect, useState } from "react";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../widgets/shared/share/host";
import { essayInstances, sectionOf } from "./essayInstances";
import { type EssayLink, essayHash, parseEssayLink } from "./essayLink";
import { scrollToLinkedFigure } from "./scrollToLinkedFigure";

interface EssaySharing {
  host: ShareHost;
  /** The figure link the page opened with, if it names one of the essay's figures. */
  link: EssayLink | null;
  /** Said when the address names a figure the essay does not have. */
  notice: string | null;
}

/**
 * The essay's side of sharing: a figure the reader changes writes its state into the address
 * (`#section/id/state`, replacing the entry, so Back still leaves the essay), and an address
 * like that restores the figure and scrolls to it.
 */
export function createEssaySharing(win: Window): EssaySharing {
  const parsed = parseEssayLink(win.location.hash);
  const known = parsed && Object.hasOwn(essayInstances, parsed.id);
  const link = known ? { ...parsed, section: sectionOf(parsed.id) ?? parsed.section } : null;
  const notice =
    parsed && !known
      ? `This link points to a figure (“${parsed.id}”) that this version of the essay does not have, so the essay opened at the top.`
      : null;
  const host: ShareHost = {
    initialState: (id) => (link && link.id === id ? link.state : undefined),
    stateChanged(id, _name, encoded) {
      const section = sectionOf(id);
      if (!section) return;
      const url = new URL(win.location.href);
      url.hash = essayHash({ section, id, state: encoded });
      win.history.replaceState(win.history.state, "", url.href);
    },
    links: linksFrom(win.location.href, (id) => sectionOf(id)),
  };
  return { host, link, notice };
}

export function EssayShareHost({ children }: { children: ReactNode }) {
  const [sharing] = useState(() => createEssaySharing(window));
  const [notice, setNotice] = useState(sharing.notice);

  useEffect(() => (sharing.link ? scrollToLinkedFigure(document, sharing.link) : undefined), [sharing]);

  // A figure link pasted into this tab (or reached by Back) restores on a fresh load: each figure
  // reads its link once, when it starts. Plain anchors (the contents) just scroll as usual.
  useEffect(() => {
    const onHashChange = () => {
      const next = parseEssayLink(window.location.hash);
      if (next && Object.hasOwn(essayInstances, next.id)) window.location.reload();
    };
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);

  return (
    <ShareHostProvider host={sharing.host}>
      {notice ? (
        <div role="status" className="share-notice">
          <p>{notice}</p>
          <button type="button" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {children}
    </ShareHostProvider>
  );
}
