/** The essay as a citation names it. */
export const ESSAY_TITLE = "Dynamic Weights: attention computes its own weights";
export const ESSAY_YEAR = 2026;

/** `Dynamic Weights: attention computes its own weights (2026). Figure: {title}. {link}` */
export function plainCitation(title: string, link: string): string {
  return `${ESSAY_TITLE} (${ESSAY_YEAR}). Figure: ${title}. ${link}`;
}

const BIBTEX_SPECIALS: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  $: "\\$",
  "&": "\\&",
  "%": "\\%",
  "#": "\\#",
  _: "\\_",
  "^": "\\^{}",
  "~": "\\~{}",
};

/** Text as BibTeX/LaTeX reads it literally: each special character escaped, so braces always balance. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}$&%#_^~]/g, (c) => BIBTEX_SPECIALS[c]);
}

/**
 * A URL inside `\url{…}` inside another field: braces and backslashes percent-encoded (a browser
 * reads them the same), `%` and `#` escaped, as `\url` needs when it sits in another command's
 * argument.
 */
export function escapeBibtexUrl(url: string): string {
  return url
    .replace(/[{}\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/[%#]/g, (c) => `\\${c}`);
}

/** A BibTeX key for the figure `name`: `dynamicweights2026-attention`. */
export function bibtexKey(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return slug === "" ? `dynamicweights${ESSAY_YEAR}` : `dynamicweights${ESSAY_YEAR}-${slug}`;
}

/** A `@misc` entry for the essay, its note naming the figure and its URL the link to this state. */
export function bibtexCitation(name: string, title: string, link: string): string {
  return [
    `@misc{${bibtexKey(name)},`,
    `  title = {${escapeBibtex(ESSAY_TITLE)}},`,
    `  year = {${ESSAY_YEAR}},`,
    `  note = {Figure: ${escapeBibtex(title)}},`,
    `  howpublished = {\\url{${escapeBibtexUrl(link)}}}`,
    "}",
  ].join("\n");
}
