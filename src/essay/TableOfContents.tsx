export interface ContentsEntry {
  id: string;
  title: string;
}

/** Links to each section by its anchor id. */
export function TableOfContents({ entries }: { entries: readonly ContentsEntry[] }) {
  return (
    <nav aria-label="Contents" className="contents">
      <h2 className="contents-heading">Contents</h2>
      <ol>
        {entries.map((entry) => (
          <li key={entry.id}>
            <a href={`#${entry.id}`}>{entry.title}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
