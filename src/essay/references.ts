/**
 * The essay's bibliography. Authors are written "Family, Initials" so that in-text citations can
 * take the family name (everything before the first comma, which keeps particles like "von").
 * `as const satisfies` keeps each `id` a literal, so `<Cite id="…" />` with a typo fails typecheck.
 */
export interface Reference {
  id: string;
  authors: readonly string[];
  year: number;
  title: string;
  venue: string;
  url: string;
}

export const references = [
  {
    id: "vaswani2017",
    authors: [
      "Vaswani, A.",
      "Shazeer, N.",
      "Parmar, N.",
      "Uszkoreit, J.",
      "Jones, L.",
      "Gomez, A. N.",
      "Kaiser, Ł.",
      "Polosukhin, I.",
    ],
    year: 2017,
    title: "Attention Is All You Need",
    venue: "Advances in Neural Information Processing Systems 30 (NeurIPS 2017)",
    url: "https://arxiv.org/abs/1706.03762",
  },
  {
    id: "schlag2021",
    authors: ["Schlag, I.", "Irie, K.", "Schmidhuber, J."],
    year: 2021,
    title: "Linear Transformers Are Secretly Fast Weight Programmers",
    venue: "Proceedings of the 38th International Conference on Machine Learning (ICML 2021)",
    url: "https://arxiv.org/abs/2102.11174",
  },
  {
    id: "vonoswald2023",
    authors: [
      "von Oswald, J.",
      "Niklasson, E.",
      "Randazzo, E.",
      "Sacramento, J.",
      "Mordvintsev, A.",
      "Zhmoginov, A.",
      "Vladymyrov, M.",
    ],
    year: 2023,
    title: "Transformers Learn In-Context by Gradient Descent",
    venue: "Proceedings of the 40th International Conference on Machine Learning (ICML 2023)",
    url: "https://arxiv.org/abs/2212.07677",
  },
  {
    id: "ramsauer2020",
    authors: [
      "Ramsauer, H.",
      "Schäfl, B.",
      "Lehner, J.",
      "Seidl, P.",
      "Widrich, M.",
      "Adler, T.",
      "Gruber, L.",
      "Holzleitner, M.",
      "Pavlović, M.",
      "Sandve, G. K.",
      "Greiff, V.",
      "Kreil, D.",
      "Kopp, M.",
      "Klambauer, G.",
      "Brandstetter, J.",
      "Hochreiter, S.",
    ],
    year: 2020,
    title: "Hopfield Networks is All You Need",
    venue: "arXiv:2008.02217; International Conference on Learning Representations (ICLR 2021)",
    url: "https://arxiv.org/abs/2008.02217",
  },
  {
    id: "clark2019",
    authors: ["Clark, K.", "Khandelwal, U.", "Levy, O.", "Manning, C. D."],
    year: 2019,
    title: "What Does BERT Look At? An Analysis of BERT’s Attention",
    venue:
      "Proceedings of the 2019 ACL Workshop BlackboxNLP: Analyzing and Interpreting Neural Networks for NLP",
    url: "https://arxiv.org/abs/1906.04341",
  },
  {
    id: "hendrycks2016",
    authors: ["Hendrycks, D.", "Gimpel, K."],
    year: 2016,
    title: "Gaussian Error Linear Units (GELUs)",
    venue: "arXiv:1606.08415",
    url: "https://arxiv.org/abs/1606.08415",
  },
  {
    id: "schmidhuber1992",
    authors: ["Schmidhuber, J."],
    year: 1992,
    title: "Learning to Control Fast-Weight Memories: An Alternative to Dynamic Recurrent Networks",
    venue: "Neural Computation 4(1), 131–139",
    url: "https://doi.org/10.1162/neco.1992.4.1.131",
  },
  {
    id: "ba2016",
    authors: ["Ba, J.", "Hinton, G. E.", "Mnih, V.", "Leibo, J. Z.", "Ionescu, C."],
    year: 2016,
    title: "Using Fast Weights to Attend to the Recent Past",
    venue: "Advances in Neural Information Processing Systems 29 (NeurIPS 2016)",
    url: "https://arxiv.org/abs/1610.06258",
  },
] as const satisfies readonly Reference[];

export type ReferenceId = (typeof references)[number]["id"];

/** The entry for `id`; ids are checked at compile time, so a miss means the data file is broken. */
export function findReference(id: ReferenceId): Reference {
  const found = references.find((reference) => reference.id === id);
  if (!found) throw new Error(`No reference with id "${id}"`);
  return found;
}

/** The fragment id of an entry in the bibliography, shared by `Cite` links and `Bibliography`. */
export function referenceAnchor(id: string): string {
  return `ref-${id}`;
}

function familyName(author: string): string {
  return author.split(",")[0].trim();
}

/**
 * Author-date label: one author "A", two "A & B", three "A, B & C", more "A et al."
 * (Chicago style, which names up to three authors).
 */
export function citationLabel(reference: Reference): string {
  const names = reference.authors.map(familyName);
  let who: string;
  if (names.length <= 2) who = names.join(" & ");
  else if (names.length === 3) who = `${names[0]}, ${names[1]} & ${names[2]}`;
  else who = `${names[0]} et al.`;
  return `${who}, ${reference.year}`;
}
