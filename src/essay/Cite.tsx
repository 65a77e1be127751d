import { citationLabel, findReference, type ReferenceId, referenceAnchor } from "./references";

/** An in-text citation, "(Vaswani et al., 2017)", linking to its entry in the bibliography. */
export function Cite({ id }: { id: ReferenceId }) {
  const reference = findReference(id);
  return (
    <span className="cite">
      (
      <a href={`#${referenceAnchor(id)}`} title={reference.title}>
        {citationLabel(reference)}
      </a>
      )
    </span>
  );
}
