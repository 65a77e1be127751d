import "./contents.css";
import { useActiveSection } from "./useActiveSection";

export interface ContentsEntry {
  id: string;
  title: string;
}

const CONTENTS_ID = "contents";

/**
 * Links to each section by its anchor id, marking the section being read (aria-current), and a
 * slim bar pinned to the top of the window that names that section once the list has scrolled away.
 */
export function TableOfContents({ entries }: { entries: readonly ContentsEntry[] }) {
  const active = useActiveSection(entries.map((entry) => entry.id));
  const current = entries.find((entry) => entry.id === active);
  return (
    <>
      <nav aria-label="Contents" className="contents" id={CONTENTS_ID}>
        <h2 className="contents-heading">Contents</h2>
        <ol>
          {entries.map((entry) => (
            <li key={entry.id}>
              <a href={`#${entry.id}`} aria-current={entry.id === active ? "location" : undefined}>
                {entry.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {current ? (
        <div className="reading-now">
          <span className="reading-now-label">Reading:</span> <a href={`#${current.id}`}>{current.title}</a>
          <a className="reading-now-contents" href={`#${CONTENTS_ID}`}>
            Contents
          </a>
        </div>
      ) : null}
    </>
  );
}
