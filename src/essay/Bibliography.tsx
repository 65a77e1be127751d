import { type Reference, referenceAnchor, references } from "./references";

function Entry({ reference }: { reference: Reference }) {
  return (
    <li id={referenceAnchor(reference.id)} className="reference">
      {reference.authors.join(", ")} ({reference.year}). <cite>{reference.title}</cite>. {reference.venue}.{" "}
      <a href={reference.url} className="reference-url">
        {reference.url}
      </a>
    </li>
  );
}

/** The reference list every `Cite` points into. */
export function Bibliography({ id = "references" }: { id?: string }) {
  const headingId = `${id}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} className="bibliography column-layout">
      <h2 id={headingId}>References</h2>
      <ol>
        {references.map((reference) => (
          <Entry key={reference.id} reference={reference} />
        ))}
      </ol>
    </section>
  );
}
