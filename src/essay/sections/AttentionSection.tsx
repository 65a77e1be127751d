import { lazy } from "react";
import { Figure } from "../Figure";
import { TeX } from "../Math";
import { Sidenote } from "../Sidenote";
import { EssaySection, type SectionProps } from "./EssaySection";

// Loaded after the text paints: the widget brings d3, its store and the engine's loader, and the
// first-paint budget (170 KiB gzipped) is mostly spent on React and KaTeX already.
const AttentionExplorer = lazy(() =>
  import("../../widgets/AttentionExplorer").then((module) => ({ default: module.AttentionExplorer })),
);

const ATTENTION = String.raw`\mathrm{Attention}(Q,K,V)=\mathrm{softmax}\!\left(\frac{QK^\top}{\sqrt{d_k}}\right)V`;
const PROJECTIONS = String.raw`Q = XW_Q,\quad K = XW_K,\quad V = XW_V`;
const FIXED_MLP = String.raw`\mathrm{MLP}(X) = \sigma(XA^\top)B^\top`;

/** Section 1: the reader's own sentence, its attention weights, and a fixed MLP beside it. */
export function AttentionSection({ id, title }: SectionProps) {
  return (
    <EssaySection id={id} title={title}>
      <p>
        Type a sentence into the explorer below. Each token becomes a row of <TeX tex="X" after="," /> an
        embedding with two numbers so that it can be drawn as a point in a plane. Drag any point, or focus it
        and use the arrow keys, and everything downstream is recomputed from the new position.
      </p>
      <p>
        Three matrices turn each embedding into a query, a key and a value. These three are ordinary
        parameters: learned once, the same for every sentence, and they do not move when you drag.
      </p>
      <TeX display tex={PROJECTIONS} />
      <p>
        The scores heatmap shows <TeX tex="QK^\top/\sqrt{d_k}" after=":" /> row <TeX tex="i" after="," />{" "}
        column <TeX tex="j" /> says how well token <TeX tex="i" after="’s" /> query matches token{" "}
        <TeX tex="j" after="’s" /> key. The weights heatmap applies a softmax to each row separately, so every
        row of weights is positive and sums to one. Multiplying by <TeX tex="V" /> then gives each token its
        output:
      </p>
      <TeX display tex={ATTENTION} />
      <p>
        Because a row of weights is non-negative and sums to one, each output is a convex combination of the
        value vectors. In the plane it always lands inside the convex hull of the values, pulled toward the
        tokens its row weights most.
        <Sidenote>
          The shaded polygon in the plane is that hull, for the selected token. Select another token (click
          it, or focus it with Tab) and its output, its hull and its mixing lines follow.
        </Sidenote>{" "}
        Drag one token and watch whole rows of the weights heatmap shift: the matrix that mixes the values was
        computed from the tokens you just moved.
      </p>
      <Figure
        caption={
          <>
            Self-attention on your own tokens. Drag a point to change its embedding; hover a heatmap cell to
            read its value. The badge names the compute backend running the maths in your browser and how long
            each update takes.
          </>
        }
      >
        <AttentionExplorer id="explorer" initialText="the cat sat on the mat because it was tired" />
      </Figure>
      <p>
        Now send the same tokens through a fixed two-layer network instead, where <TeX tex="\sigma" /> is an
        elementwise nonlinearity:
      </p>
      <TeX display tex={FIXED_MLP} />
      <p>
        Its outputs would change with every drag, as any function of the input must. What never changes is{" "}
        <TeX tex="A" /> or <TeX tex="B" after=":" /> no entry of either depends on which sentence you typed.
        In attention the matrix of weights is a function of the input; in the MLP it is not. Whether that
        difference deserves the word “weights”, and whether it amounts to learning, is the question the rest
        of the essay takes apart.
      </p>
    </EssaySection>
  );
}
