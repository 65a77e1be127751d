import { lazy } from "react";
import { Cite } from "../Cite";
import { Figure } from "../Figure";
import { TeX } from "../Math";
import { Sidenote } from "../Sidenote";
import { EssaySection, type SectionProps } from "./EssaySection";

// Loaded after the text paints, like the attention explorer: it brings d3, its store and the engine.
const MlpExplorer = lazy(() =>
  import("../../widgets/MlpExplorer").then((module) => ({ default: module.MlpExplorer })),
);

const PER_TOKEN = String.raw`\mathrm{MLP}(x_i) = \sigma(x_i A^\top)\,B^\top,\qquad A \in \mathbb{R}^{6\times 2},\; B \in \mathbb{R}^{2\times 6}`;
const RELU_GATED = String.raw`\mathrm{ReLU}(x_i A^\top)\,B^\top = x_i\,A^\top D_i\,B^\top,\qquad D_i = \mathrm{diag}\big(\mathbf{1}[x_i A^\top > 0]\big)`;

/** Section 2: the same tokens through a fixed MLP, whose parameters provably never move. */
export function FixedMlpSection({ id, title }: SectionProps) {
  return (
    <EssaySection id={id} title={title}>
      <p>
        Now take the same kind of tokens and give them to a small two-layer network instead of to attention.
        Each token is handled on its own: its embedding <TeX tex="x_i" /> is multiplied by a first matrix{" "}
        <TeX tex="A" after="," /> passed through an elementwise nonlinearity <TeX tex="\sigma" after="," />{" "}
        and multiplied by a second matrix <TeX tex="B" after=":" />
      </p>
      <TeX display tex={PER_TOKEN} />
      <p>
        Each of the six rows of <TeX tex="A" /> is a direction in the plane; hidden unit <TeX tex="h" />{" "}
        measures how far the token points along its direction, and <TeX tex="\sigma" /> decides how much of
        that passes on. The columns of <TeX tex="B" /> then say where each hidden unit pushes the output. In
        the figure, <TeX tex="A" /> and <TeX tex="B" /> were drawn once from a seeded random generator. They
        stand in for trained parameters: what matters here is not their values but that nothing you do will
        alter them.
      </p>
      <details className="predict">
        <summary>Before you drag: which of A, B and the hidden activations will change?</summary>
        <p>
          Only the hidden activations, and only in the row of the token you move. Both counters below the
          figure are computed from the matrices themselves on every update: the first compares each entry of{" "}
          <TeX tex="A" /> and <TeX tex="B" /> with a copy taken when the page loaded, and it stays at zero.
          The second counts the hidden activations that differ from when your drag began (or since you last
          restarted the count). No other token’s row moves either, because the MLP never looks at one token
          while computing another.
        </p>
      </details>
      <Figure
        caption={
          <>
            A fixed MLP on your own tokens. Drag a token (or focus it and use the arrow keys): its row of
            hidden activations and its output ◆ move, while the heatmaps of <TeX tex="A" /> and{" "}
            <TeX tex="B" /> stay exactly as they are. Switch <TeX tex="\sigma" /> to compare ReLU, tanh and
            GELU.
          </>
        }
      >
        <MlpExplorer id="fixed-mlp-explorer" initialText="the cat sat on the mat" />
      </Figure>
      <p>
        There is a nuance the counters alone would hide. With ReLU, each hidden unit is either on (it passes
        its value) or off (it outputs zero), and which units are on depends on the token. The on/off panel
        shows this pattern, one row per token. Writing the pattern as a diagonal matrix of ones and zeros
        makes the point precise:
      </p>
      <TeX display tex={RELU_GATED} />
      <p>
        So for a given token, the network acts as the linear map <TeX tex="A^\top D_i B^\top" after="," /> and
        that map is selected by the input: drag a token across one of the lines where a unit switches and the
        effective map changes, though not a single parameter did. ReLU networks are gated by their own input
        in this sense. With tanh or GELU the switch is smooth rather than abrupt, but the local linear map
        still varies from point to point.
        <Sidenote>
          GELU weighs its input by how likely a standard normal variable is to fall below it,{" "}
          <TeX tex="x\,\Phi(x)" after=";" /> the widget uses the common tanh approximation of it{" "}
          <Cite id="hendrycks2016" />.
        </Sidenote>
      </p>
      <p>
        What the MLP does not do is let one token’s input choose the map applied to another token. Its gate{" "}
        <TeX tex="D_i" /> depends on <TeX tex="x_i" /> alone, and moving one token leaves every other row
        unchanged. Attention’s weights, by contrast, are computed from all the tokens together, so moving one
        token reshapes how every other token mixes the values. Both are input-dependent; they are dependent on
        different things, and in different ways.
      </p>
    </EssaySection>
  );
}
