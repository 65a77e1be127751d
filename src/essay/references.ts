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
  {
    id: "katharopoulos2020",
    authors: ["Katharopoulos, A.", "Vyas, A.", "Pappas, N.", "Fleuret, F."],
    year: 2020,
    title: "Transformers are RNNs: Fast Autoregressive Transformers with Linear Attention",
    venue: "Proceedings of the 37th International Conference on Machine Learning (ICML 2020)",
    url: "https://arxiv.org/abs/2006.16236",
  },
  {
    id: "akyurek2023",
    authors: ["Akyürek, E.", "Schuurmans, D.", "Andreas, J.", "Ma, T.", "Zhou, D."],
    year: 2023,
    title: "What Learning Algorithm Is In-Context Learning? Investigations with Linear Models",
    venue: "International Conference on Learning Representations (ICLR 2023)",
    url: "https://arxiv.org/abs/2211.15661",
  },
  {
    id: "garg2022",
    authors: ["Garg, S.", "Tsipras, D.", "Liang, P.", "Valiant, G."],
    year: 2022,
    title: "What Can Transformers Learn In-Context? A Case Study of Simple Function Classes",
    venue: "Advances in Neural Information Processing Systems 35 (NeurIPS 2022)",
    url: "https://arxiv.org/abs/2208.01055",
  },
  {
    id: "hopfield1982",
    authors: ["Hopfield, J. J."],
    year: 1982,
    title: "Neural Networks and Physical Systems with Emergent Collective Computational Abilities",
    venue: "Proceedings of the National Academy of Sciences 79(8), 2554–2558",
    url: "https://doi.org/10.1073/pnas.79.8.2554",
  },
  {
    id: "amit1985",
    authors: ["Amit, D. J.", "Gutfreund, H.", "Sompolinsky, H."],
    year: 1985,
    title: "Storing Infinite Numbers of Patterns in a Spin-Glass Model of Neural Networks",
    venue: "Physical Review Letters 55(14), 1530–1533",
    url: "https://doi.org/10.1103/PhysRevLett.55.1530",
  },
  {
    id: "krotov2016",
    authors: ["Krotov, D.", "Hopfield, J. J."],
    year: 2016,
    title: "Dense Associative Memory for Pattern Recognition",
    venue: "Advances in Neural Information Processing Systems 29 (NeurIPS 2016)",
    url: "https://arxiv.org/abs/1606.01164",
  },
  {
    id: "demircigil2017",
    authors: ["Demircigil, M.", "Heusel, J.", "Löwe, M.", "Upgang, S.", "Vermet, F."],
    year: 2017,
    title: "On a Model of Associative Memory with Huge Storage Capacity",
    venue: "Journal of Statistical Physics 168, 288–299",
    url: "https://arxiv.org/abs/1702.01929",
  },
  {
    id: "brown2020",
    authors: [
      "Brown, T. B.",
      "Mann, B.",
      "Ryder, N.",
      "Subbiah, M.",
      "Kaplan, J.",
      "Dhariwal, P.",
      "Neelakantan, A.",
      "Shyam, P.",
      "Sastry, G.",
      "Askell, A.",
      "Agarwal, S.",
      "Herbert-Voss, A.",
      "Krueger, G.",
      "Henighan, T.",
      "Child, R.",
      "Ramesh, A.",
      "Ziegler, D. M.",
      "Wu, J.",
      "Winter, C.",
      "Hesse, C.",
      "Chen, M.",
      "Sigler, E.",
      "Litwin, M.",
      "Gray, S.",
      "Chess, B.",
      "Clark, J.",
      "Berner, C.",
      "McCandlish, S.",
      "Radford, A.",
      "Sutskever, I.",
      "Amodei, D.",
    ],
    year: 2020,
    title: "Language Models are Few-Shot Learners",
    venue: "Advances in Neural Information Processing Systems 33 (NeurIPS 2020)",
    url: "https://arxiv.org/abs/2005.14165",
  },
  {
    id: "kingma2015",
    authors: ["Kingma, D. P.", "Ba, J."],
    year: 2015,
    title: "Adam: A Method for Stochastic Optimization",
    venue: "International Conference on Learning Representations (ICLR 2015)",
    url: "https://arxiv.org/abs/1412.6980",
  },
  {
    id: "ahn2023",
    authors: ["Ahn, K.", "Cheng, X.", "Daneshmand, H.", "Sra, S."],
    year: 2023,
    title: "Transformers Learn to Implement Preconditioned Gradient Descent for In-Context Learning",
    venue: "Advances in Neural Information Processing Systems 36 (NeurIPS 2023)",
    url: "https://arxiv.org/abs/2306.00297",
  },
  {
    id: "hochreiter2001",
    authors: ["Hochreiter, S.", "Younger, A. S.", "Conwell, P. R."],
    year: 2001,
    title: "Learning to Learn Using Gradient Descent",
    venue: "Artificial Neural Networks — ICANN 2001, Lecture Notes in Computer Science 2130",
    url: "https://doi.org/10.1007/3-540-44668-0_13",
  },
  {
    id: "kirsch2022",
    authors: ["Kirsch, L.", "Harrison, J.", "Sohl-Dickstein, J.", "Metz, L."],
    year: 2022,
    title: "General-Purpose In-Context Learning by Meta-Learning Transformers",
    venue: "arXiv:2212.04458 (NeurIPS 2022 workshops on meta-learning and on memory)",
    url: "https://arxiv.org/abs/2212.04458",
  },
  {
    id: "elhage2021",
    authors: [
      "Elhage, N.",
      "Nanda, N.",
      "Olsson, C.",
      "Henighan, T.",
      "Joseph, N.",
      "Mann, B.",
      "Askell, A.",
      "Bai, Y.",
      "Chen, A.",
      "Conerly, T.",
      "DasSarma, N.",
      "Drain, D.",
      "Ganguli, D.",
      "Hatfield-Dodds, Z.",
      "Hernandez, D.",
      "Jones, A.",
      "Kernion, J.",
      "Lovitt, L.",
      "Ndousse, K.",
      "Amodei, D.",
      "Brown, T.",
      "Clark, J.",
      "Kaplan, J.",
      "McCandlish, S.",
      "Olah, C.",
    ],
    year: 2021,
    title: "A Mathematical Framework for Transformer Circuits",
    venue: "Transformer Circuits Thread",
    url: "https://transformer-circuits.pub/2021/framework/index.html",
  },
  {
    id: "olsson2022",
    authors: [
      "Olsson, C.",
      "Elhage, N.",
      "Nanda, N.",
      "Joseph, N.",
      "DasSarma, N.",
      "Henighan, T.",
      "Mann, B.",
      "Askell, A.",
      "Bai, Y.",
      "Chen, A.",
      "Conerly, T.",
      "Drain, D.",
      "Ganguli, D.",
      "Hatfield-Dodds, Z.",
      "Hernandez, D.",
      "Johnston, S.",
      "Jones, A.",
      "Kernion, J.",
      "Lovitt, L.",
      "Ndousse, K.",
      "Amodei, D.",
      "Brown, T.",
      "Clark, J.",
      "Kaplan, J.",
      "McCandlish, S.",
      "Olah, C.",
    ],
    year: 2022,
    title: "In-context Learning and Induction Heads",
    venue: "Transformer Circuits Thread",
    url: "https://transformer-circuits.pub/2022/in-context-learning-and-induction-heads/index.html",
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
