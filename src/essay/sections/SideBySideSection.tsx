import { lazy } from "react";
import { Cite } from "../Cite";
import { Figure } from "../Figure";
import { TeX } from "../Math";
import { EssaySection, type SectionProps } from "./EssaySection";

// Loaded after the text paints, like the other widgets: it brings d3, its store and the engine.
const SideBySide = lazy(() =>
  import("../../widgets/SideBySide").then((module) => ({ default: module.SideBySide })),
);

const MIXING = String.raw`\mathrm{out}_i = \sum_{j=1}^{n} M_{ij}\, f(x_j)`;
const MLP_MIXING = String.raw`\text{MLP:}\quad f(x) = \sigma(xA^\top)B^\top,\qquad M = I \ \text{ for every input}`;
const ATTENTION_MIXING = String.raw`\text{attention:}\quad f(x) = xW_V,\qquad M = \mathrm{softmax}\!\left(\frac{XW_Q\,(XW_K)^\top}{\sqrt{d_k}}\right)`;
const FROZEN = String.raw`\mathrm{out}_i = \sum_{j} W^{\text{frozen}}_{ij}\, v_j,\qquad v_j = x_j W_V`;

/** Section 4: one set of tokens through both models, their token-mixing matrices, and a freeze. */
export function SideBySideSection({ id, title }: SectionProps) {
  return (
    <EssaySection id={id} title={title}>
      <p>
        So far the MLP and attention each had a figure of their own. Here one set of tokens feeds both. To
        compare them on equal terms, write each layer in the same shape: every output is a weighted sum, over
        all the tokens, of some function of each token,
      </p>
      <TeX display tex={MIXING} />
      <p>
        and call the <TeX tex="n \times n" /> matrix <TeX tex="M" /> the layer’s <em>token-mixing matrix</em>:
        row <TeX tex="i" /> says how much of each token reaches output <TeX tex="i" after="." /> Both layers
        fit this shape.
      </p>
      <TeX display tex={MLP_MIXING} />
      <TeX display tex={ATTENTION_MIXING} />
      <p>
        The MLP’s mixing matrix is the identity: output <TeX tex="i" /> is computed from token <TeX tex="i" />{" "}
        and nothing else, for any input whatsoever. Attention’s mixing matrix is the matrix of attention
        weights <Cite id="vaswani2017" />, and it is computed from all the tokens at once. In the figure, both
        models keep fixed parameters: <TeX tex="W_Q, W_K, W_V" /> from the “attend to similar” setting, and an
        MLP whose <TeX tex="A" /> and <TeX tex="B" /> are drawn once from a seed.
      </p>
      <details className="predict">
        <summary>Before you drag: drag “cat”. Which model’s output for “the” moves?</summary>
        <p>
          Only attention’s. The MLP’s output for “the” is a function of the embedding of “the” alone, so
          moving “cat” cannot reach it; the readout stays at 0.00. Attention’s output for “the” is a mix of
          every token’s value, with coefficients set by how well the query of “the” matches each key, and
          moving “cat” changes both its value and its key. With these sharp settings “the” starts out paying
          almost no attention to “cat”, so the effect is small until you bring “cat” near “the”; then it
          jumps.
        </p>
      </details>
      <Figure
        caption={
          <>
            One set of tokens, two models. Choose the output to watch, then drag a <em>different</em> token
            (or focus it and use the arrow keys). The readout says how far the watched output moved in each
            model since the drag began; the counters compare every parameter with its value at load, and every
            attention weight with its value when the drag began. “Freeze” fixes attention’s mixing matrix
            where it is.
          </>
        }
      >
        <SideBySide id="side-by-side-explorer" initialText="the cat sat on the mat" />
      </Figure>
      <p>
        It would be unfair to the MLP to stop there. Its output also depends on its input: watch “the” and
        drag “the” itself, and both readouts move. The MLP is not a constant function, and with ReLU even its
        effective linear map is chosen by the token, as the previous section showed. Nor did attention learn
        anything while you dragged: the counter of its parameters stays at zero, exactly like the MLP’s.
        Neither model’s parameters, the numbers training would adjust, changed at all.
      </p>
      <p>
        What does differ is <em>whose</em> input sets the mixing. In the MLP, no token’s input has any say
        over how another token is processed; its mixing matrix is the identity for every sentence, and the n ×
        n heatmap never redraws. In attention, every token’s input helps decide the coefficients applied to
        every other token, which is why the counter of changed attention weights climbs as you drag.
      </p>
      <p>
        The freeze toggle isolates that difference. Frozen, attention keeps the weights it had at that moment
        and becomes a fixed linear layer across tokens:
      </p>
      <TeX display tex={FROZEN} />
      <p>
        Drag “cat” now and the output for “the” still moves a little, because the value{" "}
        <TeX tex="v_{\text{cat}}" /> moved and “the” still takes its frozen share of it; but the mixing
        heatmap does not change and the weights counter stays at zero. Unfreeze, and the weights snap to what
        the moved tokens now call for. The gap between frozen and live attention is exactly the
        input-dependence of the mixing matrix: the part a layer with fixed weights does not have. Whether
        those coefficients deserve the name “weights” is a separate, partly verbal question, taken up two
        sections on; what the figure settles is the measurable part.
      </p>
    </EssaySection>
  );
}
