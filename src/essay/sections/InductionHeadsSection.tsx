import { lazy } from "react";
import { Cite } from "../Cite";
import { Figure } from "../Figure";
import { TeX } from "../Math";
import { Sidenote } from "../Sidenote";
import { EssaySection, type SectionProps } from "./EssaySection";

// Loaded after the text paints: the figure brings d3, its store and the training worker.
const InductionHeads = lazy(() =>
  import("../../widgets/InductionHeads").then((module) => ({ default: module.InductionHeads })),
);

const PATTERN = String.raw`\ldots\; A\; B\; \ldots\; A \;\longrightarrow\; B`;
const K_COMPOSITION = String.raw`s^{(2)}_{tj} \;=\; \underbrace{\bigl(W_Q^{(2)} e_{x_t}\bigr)^{\!\top}}_{\text{query: the current token}}\; \underbrace{W_K^{(2)}\, W_{OV}^{(1)}\, e_{x_{j-1}}}_{\text{key: what layer 1 wrote at } j}`;

/** Part III, section 3: a two-layer attention-only transformer forms induction heads; one layer does not. Closes Part III. */
export function InductionHeadsSection({ id, title }: SectionProps) {
  return (
    <EssaySection id={id} title={title}>
      <p>
        Regression with one token per example was built to suit attention. Text is not laid out like that, yet
        the simplest thing a language model learns from its context is of the same kind: if a token{" "}
        <TeX tex="A" /> was followed by <TeX tex="B" /> earlier on, predict <TeX tex="B" /> the next time{" "}
        <TeX tex="A" /> appears,
      </p>
      <TeX display tex={PATTERN} />
      <p>
        In small transformers made of attention layers alone, <Cite id="elhage2021" /> found this done by two
        heads in consecutive layers working together, and <Cite id="olsson2022" /> named the second one an
        induction head. The last experiment trains such models in the page and watches the pair form.
      </p>
      <h3>Sequences that repeat</h3>
      <p>
        The training sequences use an alphabet of sixteen tokens, the letters <em>a</em> to <em>p</em>. Each
        opens with a prefix of random length, then a segment of four to eight tokens, then the same segment
        again. Before the segment repeats, each next token is a fresh draw that nothing in the context
        predicts; once it repeats, the rest is fixed by the first copy. The figure reports the loss on that
        predictable stretch. Guessing uniformly costs <TeX tex="\ln 16 \approx 2.77" /> nats a token there,
        and a model that copies perfectly pays nothing. Since the tokens are random, the sequence to copy is
        new every time; only a model that reads its context can copy it.
        <Sidenote>
          The segment’s length varies for a reason. When every segment had eight tokens, the token to predict
          always lay seven places back, and a one-layer model learned to copy by position alone: in our run
          its loss on the repeat fell to 0.0003 nats by step 200, as low as the two-layer model’s. With
          lengths from four to eight, no fixed offset works.
        </Sidenote>
      </p>
      <h3>Two heads that copy</h3>
      <p>
        The circuit has two parts. In layer 1, a <strong>previous-token head</strong> attends from every
        position to the one just before it and adds what it finds to that position’s vector: position{" "}
        <TeX tex="j" /> now carries, besides its own token, a trace of the token at{" "}
        <TeX tex="j-1" after="." /> In layer 2, an <strong>induction head</strong> at position{" "}
        <TeX tex="t" after="," /> holding token <TeX tex="A" after="," /> scores each earlier position by
        comparing <TeX tex="A" /> with that trace. Leaving out positions and the other paths through the
        layers, the score is
      </p>
      <TeX display tex={K_COMPOSITION} />
      <p>
        and it is largest where <TeX tex="x_{j-1} = A" after="," /> the position just after the earlier{" "}
        <TeX tex="A" after="." /> The head attends there and copies the token it finds,{" "}
        <TeX tex="B" after="," /> into the prediction. The key in this product is not computed from the token
        at <TeX tex="j" /> but from another head’s output, which <Cite id="elhage2021" /> call K-composition.
        It is a weight computed from the input, built on top of another weight computed from the input.
      </p>
      <p>
        A transformer with a single attention layer has no such key. Before its only layer, position{" "}
        <TeX tex="j" /> holds its own token and its position and nothing else, so no score can ask which token
        came before <TeX tex="j" after="." /> One layer can find the earlier <TeX tex="A" after="," /> but the
        value there is <TeX tex="A" /> itself, not what followed it.
      </p>
      <details className="predict">
        <summary>
          Before you train: once the drop has happened, what will the heads’ maps show on the test sequence?
        </summary>
        <p>
          In layer 1, a head with much of its weight on the stripe just below the diagonal: every token
          attending to the one before it (in the pretrained model about 0.4 of each row, where attending
          evenly would give about 0.1). In layer 2, along the second copy, a stripe seven places below the
          diagonal: each repeated token attending to the position after its earlier copy, eight places back in
          this test sequence. Neither pattern was written into the model; both are attention weights computed
          from the sequence by parameters that training found.
        </p>
      </details>
      <Figure
        caption={
          <>
            A two-layer and a one-layer transformer made of attention alone, trained on identical batches of
            repeating sequences on the backend the controls name. The figure opens on a pretrained checkpoint;
            Train starts both again from random parameters. The chart gives each model’s loss on the repeated
            half of fixed test sequences, with uniform guessing, <TeX tex="\ln 16" after="," /> dashed. The
            heatmaps give every head’s attention weights on one test sequence and redraw as training goes.
            Below them, type a sequence of your own to see what each model predicts after every token.
          </>
        }
      >
        <InductionHeads id="induction-heads-figure" />
      </Figure>
      <p>
        Watch the two curves, drawn on a logarithmic scale. For the first two hundred steps or so they fall
        together, to about 1.6 nats: both models learn to guess among the tokens already in the sequence,
        which one layer can do. Then they part. Within the next two hundred steps the two-layer loss falls by
        more than a factor of ten, and the induction stripe sharpens in its layer-2 maps while it falls; by
        the end of the run it is below 0.01 nats. The one-layer model, trained on exactly the same batches,
        keeps creeping down and ends near 1.1. Olsson and colleagues saw an abrupt change of the same kind in
        models of many sizes trained on text: a bump in the training curve at the point where induction heads
        formed <Cite id="olsson2022" />.
      </p>
      <p>
        Then give the trained models a sequence they have never seen. Type a few letters from <em>a</em> to{" "}
        <em>p</em> and type them again, say <kbd>dance dance</kbd>. Once the repeat has begun, the two-layer
        model predicts each next letter, <em>a</em>, <em>n</em>, <em>c</em>, <em>e</em>, with near certainty.
        The one-layer model gets some of them too, less surely: with five letters in play, a guess among the
        letters seen but not yet repeated is often right. Try a ten-letter word twice, longer than any segment
        in training: the two-layer model still copies most of it, and slips on a few letters. No parameter
        changed while it did so. Everything it needed to know about your sequence it took from the sequence,
        in one forward pass.
      </p>
      <h3>What the copying shows</h3>
      <p>
        An induction head learns from its context in the plainest sense: it reads a sequence once and recalls
        it when the sequence comes round again, through weights of the second kind, an attention pattern
        computed afresh for each input. It is also only copying. It does not generalise from what it has read,
        and a sceptic may fairly decline to call recall learning, as with the Hopfield memory of Part II. How
        much of the in-context learning of large models runs through such heads is an empirical question.{" "}
        <Cite id="olsson2022" /> give causal evidence for small attention-only models, where removing the
        heads greatly reduces the ability, and evidence that is only correlational for large models with MLP
        layers. The models here are smaller still, and trained on a task made to need the mechanism.
        <Sidenote>
          Olsson and colleagues measure in-context learning without reference to any task: a model learns from
          its context if its loss on a token falls the later that token comes in the text. Copying a repeated
          segment is the simplest way to make that happen.
        </Sidenote>
      </p>
      <h3>Part III in one paragraph</h3>
      <p>
        The argument that opened the discussion ended by asking for a demonstration that transformers
        meta-learn. In miniature, and in the sceptic’s own terms, here is one: an outer loop, Adam on the
        parameters over thousands of random tasks, produced an inner loop, a single forward pass, that behaves
        as a learning algorithm. In one case the algorithm is a gradient step on the examples in the context,
        with the learning rate read off the trained matrices <Cite id="vonoswald2023" />; in the other it is a
        lookup that copies what followed an earlier occurrence <Cite id="olsson2022" />. An MLP of the same
        size, given the same numbers and the same training, did not find the first. At test time no parameter
        moves; what adapts to each context are weights of the second kind, the effective matrix of the
        regression layer and the attention pattern of the induction head. This supports the proponent’s
        narrower claim, that weights computed from the input can carry learning, and it keeps the sceptic’s
        distinction intact: the learning that lasts happened in training, and the forward pass runs an
        algorithm that training found. It does not show that large language models work this way, that the
        models here carry over to every shift (the regression layer failed on inputs twice as large), or that
        attention is the only architecture that can do it. The broader claims of the discussion, about sample
        efficiency and how far transformers scale, are untouched by anything this small.
      </p>
    </EssaySection>
  );
}
