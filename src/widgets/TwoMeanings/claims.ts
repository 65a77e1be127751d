/** The two readings of "weight" a claim can rely on, or both at once. */
export type Meaning = "parameters" | "coefficients" | "both";

export const MEANING_LABEL: Record<Meaning, string> = {
  parameters: "Parameters (W_Q, W_K, W_V, A, B: found by gradient descent)",
  coefficients: "Coefficients computed from the input (attention’s A)",
  both: "True under both readings",
};

export interface Claim {
  id: string;
  statement: string;
  /** The reading under which the statement is true. */
  answer: Meaning;
  /** Shown on reveal: why, in terms of the figure above. */
  explanation: string;
}

/** The claim check's statements. Each is true under one reading of "weight" (or both). */
export const claims: readonly Claim[] = [
  {
    id: "changes-per-input",
    statement: "Attention changes its weights for every input.",
    answer: "coefficients",
    explanation:
      "True of A: every small heatmap in panel (b) is different. False of the parameters: panel (a) shows one W_Q, W_K and W_V, and the check finds a difference of exactly 0 across inputs.",
  },
  {
    id: "frozen",
    statement: "A trained transformer’s weights stay frozen while it answers a prompt.",
    answer: "parameters",
    explanation:
      "True of the parameters: nothing at inference time writes to W_Q, W_K or W_V. Not true of A, which is recomputed for every prompt (and, in a language model, for every new token).",
  },
  {
    id: "gradient-descent",
    statement: "Gradient descent chose the weights.",
    answer: "parameters",
    explanation:
      "Training adjusts W_Q, W_K, W_V (and an MLP’s A and B). No optimiser ever sets an entry of attention’s A directly: A is whatever softmax(QKᵀ/√d) gives for the input in front of it.",
  },
  {
    id: "multiply-activations",
    statement: "Each weight multiplies an activation.",
    answer: "both",
    explanation:
      "W_V multiplies the token embeddings X to give V, and A multiplies V to give the output. Both are coefficients on activations; only one of them is a parameter. This is exactly why the word can slide from one meaning to the other unnoticed.",
  },
];
