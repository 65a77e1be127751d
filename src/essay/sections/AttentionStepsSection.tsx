import { lazy } from "react";
import { Cite } from "../Cite";
import { Figure } from "../Figure";
import { TeX } from "../Math";
import { EssaySection, type SectionProps } from "./EssaySection";

// Both widgets load after the text paints, like the other figures (d3, stores, the engine loader).
const AttentionExplorer = lazy(() =>
  import("../../widgets/AttentionExplorer").then((module) => ({ default: module.AttentionExplorer })),
);
const TwoHeads = lazy(() =>
  import("../../widgets/TwoHeads").then((module) => ({ default: module.TwoHeads })),
);

const PROJECT = String.raw`q_i = x_i W_Q,\qquad k_i = x_i W_K,\qquad v_i = x_i W_V`;
const SCORE = String.raw`s_{ij} = \frac{q_i \cdot k_j}{\sqrt{d_k}}`;
const ROW_SOFTMAX = String.raw`a_{ij} = \frac{\exp(s_{ij}/\tau)}{\sum_{t} \exp(s_{it}/\tau)},\qquad o_i = \sum_j a_{ij}\, v_j`;
const CONVEX = String.raw`a_{ij} \ge 0,\quad \sum_j a_{ij} = 1 \;\Longrightarrow\; o_i \in \operatorname{conv}\{v_1, \dots, v_n\}`;
const VARIANCE = String.raw`\operatorname{Var}(q \cdot k) = \operatorname{Var}\Big(\sum_{m=1}^{d_k} q_m k_m\Big) = d_k`;
const MULTI_HEAD = String.raw`\mathrm{MultiHead}(X) = \big[\,\mathrm{head}_1 \;\; \mathrm{head}_2 \;\cdots\; \mathrm{head}_h\,\big]\, W_O`;

/** Section 3: attention taken apart, one step and one switch at a time. */
export function AttentionStepsSection({ id, title }: SectionProps) {
  return (
    <EssaySection id={id} title={title}>
      <p>
        The first explorer showed attention all at once. This one has the same figure with a drawer of
        switches opened under it, marked “Step by step”. Each switch changes one step of the computation, so
        you can see what that step contributes by turning it off or replacing it.
      </p>
      <p>
        <strong>Queries, keys and values.</strong> Every token <TeX tex="x_i" /> is projected three times by
        fixed matrices:
      </p>
      <TeX display tex={PROJECT} />
      <p>
        Tick the arrows for <TeX tex="q" after="," /> <TeX tex="k" /> and <TeX tex="v" /> to see the three
        projections drawn from each token. The query is what a token looks for, the key is what it offers to
        be found by, and the value is what it hands over once found. All three are linear in the token and
        none of the matrices ever depends on the sentence.
      </p>
      <p>
        <strong>Scores.</strong> Each query is compared with every key by a dot product, giving the scores
        heatmap:
      </p>
      <TeX display tex={SCORE} />
      <p>
        <strong>A softmax over each row.</strong> Scores can be any real numbers. The softmax turns each row
        into positive weights that sum to one, where <TeX tex="\tau" /> is the temperature (1 unless you move
        the slider), and the output of token <TeX tex="i" /> is the weighted sum of the values:
      </p>
      <TeX display tex={ROW_SOFTMAX} />
      <p>
        Why rows? A row collects everything one query sees. Normalising it means each token spends exactly one
        unit of attention, shared among the keys. Its weights are then the coefficients of a convex
        combination:
      </p>
      <TeX display tex={CONVEX} />
      <p>
        So every output is an average of the values: it lies inside their convex hull, the smallest convex
        polygon around the value points. The readout under the switches checks this for the selected token
        (click a token or hover a row of the heatmap to select it).
      </p>
      <details className="predict">
        <summary>
          Before you switch the softmax to “each column”: which sums will stay at 1, and can an output leave
          the hull?
        </summary>
        <p>
          The columns now sum to one and the rows, in general, do not. A column-wise softmax lets each key
          share one unit among the queries, so a popular key is split thin and a key that nobody else matches
          gives nearly all of its unit to one query. A row can then hold more than one unit or less. Its
          output is no longer an average but a scaled-up or scaled-down mix, and it can land outside the hull:
          the readout then says “no”. “The whole matrix” puts all <TeX tex="n^2" /> weights into one budget.
          Rows sum to about <TeX tex="1/n" /> each, and the outputs shrink toward the origin. Only the
          row-wise softmax guarantees that each output is a weighted average of what the tokens offer.
        </p>
      </details>
      <Figure
        caption={
          <>
            The attention explorer with its step-by-step switches open. Choose what the softmax normalises and
            read the row and column sums. Switch the <TeX tex="1/\sqrt{d}" /> scale off, hide tokens as keys,
            or turn on the causal mask, then drag a token and watch the weights follow.
          </>
        }
      >
        <AttentionExplorer id="attention-steps-explorer" initialText="one two three four five" stepByStep />
      </Figure>
      <p>
        <strong>Temperature and the 1/√d scale.</strong> Dividing every score by <TeX tex="\tau" /> before the
        softmax sets how peaked the weights are. As <TeX tex="\tau" /> shrinks, each row approaches a one-hot
        choice of its best key, and the output sits on that key’s value point. As <TeX tex="\tau" /> grows,
        each row flattens toward uniform and the output moves to the plain average of the values. The division
        by <TeX tex="\sqrt{d_k}" /> is a fixed temperature of the same kind. <Cite id="vaswani2017" /> offer
        it as a suspicion rather than a proof, with an illustration in a footnote: if the entries of a query
        and a key are independent with mean 0 and variance 1, their dot product has mean 0 and variance
      </p>
      <TeX display tex={VARIANCE} />
      <p>
        so scores spread out as <TeX tex="d_k" /> grows. Large scores push the softmax into a nearly one-hot
        regime where its gradients are tiny, and dividing by <TeX tex="\sqrt{d_k}" /> brings the spread back
        to about one. Here <TeX tex="d_k = 2" after="," /> so switching the scale off multiplies every score
        by <TeX tex="\sqrt2 \approx 1.41" after="," /> the same as dividing <TeX tex="\tau" /> by{" "}
        <TeX tex="\sqrt2" after="." /> The weights get sharper, but not dramatically. In the original
        transformer <TeX tex="d_k = 64" after="," /> so the same switch would multiply every score by 8.
      </p>
      <p>
        <strong>Masks.</strong> A mask removes entries before the softmax by setting their scores to{" "}
        <TeX tex="-\infty" after="," /> and <TeX tex="e^{-\infty} = 0" after="." /> The causal mask hides
        every later token from each query, so the upper triangle of the weights becomes zero, which is how
        language models that predict the next token are kept from reading ahead. Hiding one token as a key
        (the checkboxes) zeroes its whole column instead: no query may read it. Padding masks do the same for
        tokens that are only filler. In both cases the row-wise softmax shares each row’s unit among the keys
        that remain, so rows still sum to one and outputs stay in the hull. If you hide every key a row can
        see, such as the first token’s only key under the causal mask, the softmax has nothing left to
        normalise. This figure then gives that token all-zero weights and a zero output, where a careless
        implementation would divide zero by zero and produce NaN.
      </p>
      <p>
        <strong>Two heads.</strong> A transformer layer runs several such heads side by side, each with its
        own <TeX tex="W_Q" after="," /> <TeX tex="W_K" /> and <TeX tex="W_V" after="," /> and joins their
        outputs with one more fixed matrix <TeX tex="W_O" /> <Cite id="vaswani2017" />.
      </p>
      <TeX display tex={MULTI_HEAD} />
      <p>
        The figure below gives two heads the same tokens. Head 1 scales queries and keys up, so each token
        attends to those pointing its own way. Head 2 turns each query a quarter turn, so a token attends to
        the tokens lying 90° around from it. Drag a token in either plane: both weight matrices change at
        once, and differently, because each head computes its own mixing matrix from the same input. In
        trained models heads do specialise. <Cite id="clark2019" /> found heads in BERT that attend mostly to
        the previous or the next token, or to separator tokens, and heads in which direct objects attend to
        their verbs.
      </p>
      <Figure
        caption={
          <>
            Two heads on one sentence. Each column is one head: its projections (choose a preset), the plane
            with its outputs ◆ and the selected token’s output drawn as a mix of its values, and its weights.
            Drag a token in either plane; both heads recompute.
          </>
        }
      >
        <TwoHeads id="two-heads" initialText="the cat sat on the mat" />
      </Figure>
      <p>
        Look back at what the switches touched. Temperature, scale, masks and the choice of head all change
        how the weights are computed from the tokens, and the weights change again whenever a token moves.
        What none of them touched, and what no drag moves, are the parameters <TeX tex="W_Q" after="," />{" "}
        <TeX tex="W_K" /> and <TeX tex="W_V" after="." /> Whether “the weights” means the first kind of thing
        or the second is the question the next sections take up.
      </p>
    </EssaySection>
  );
}
