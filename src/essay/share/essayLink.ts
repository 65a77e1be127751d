/**
 * The essay's address for one figure's state: `#<section>/<instance id>/<encoded state>`, e.g.
 * `#attention/explorer/v1;text=the%20dog;causal=1`. The section comes first so the address
 * still says where in the essay it points; the state is the widget codec's text, unchanged.
 */
export interface EssayLink {
  section: string;
  id: string;
  state: string;
}

const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The link in `hash` (with or without its `#`), or null for a plain anchor or anything else. */
export function parseEssayLink(hash: string): EssayLink | null {
  const text = hash.startsWith("#") ? hash.slice(1) : hash;
  const first = text.indexOf("/");
  if (first < 0) return null;
  const second = text.indexOf("/", first + 1);
  if (second < 0) return null;
  const section = text.slice(0, first);
  const id = text.slice(first + 1, second);
  if (!NAME.test(section) || !NAME.test(id)) return null;
  return { section, id, state: text.slice(second + 1) };
}

export function essayHash({ section, id, state }: EssayLink): string {
  return `#${section}/${id}/${state}`;
}
