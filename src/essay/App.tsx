import { type ComponentType, lazy } from "react";
import { Bibliography } from "./Bibliography";
import { Header } from "./Header";
import { Opening, QUESTION_ID } from "./Opening";
import { AttentionSection } from "./sections/AttentionSection";
import { AttentionStepsSection } from "./sections/AttentionStepsSection";
import type { SectionProps } from "./sections/EssaySection";
import { FixedMlpSection } from "./sections/FixedMlpSection";
import { InputTimesInputSection } from "./sections/InputTimesInputSection";
import { LaterSection } from "./sections/LaterSection";
import { SideBySideSection } from "./sections/SideBySideSection";
import { TwoMeaningsSection } from "./sections/TwoMeaningsSection";
import { EssayShareHost } from "./share/EssayShareHost";
import { TableOfContents } from "./TableOfContents";

// Part II and everything after it load as their own chunks, just after first paint (see LaterSection.tsx).
const FastWeightsSection = lazy(() =>
  import("./sections/FastWeightsSection").then((m) => ({ default: m.FastWeightsSection })),
);
const GradientDescentSection = lazy(() =>
  import("./sections/GradientDescentSection").then((m) => ({ default: m.GradientDescentSection })),
);
const HopfieldSection = lazy(() =>
  import("./sections/HopfieldSection").then((m) => ({ default: m.HopfieldSection })),
);
// Part III: tiny models trained live in the page.
const LearnedGradientDescentSection = lazy(() =>
  import("./sections/LearnedGradientDescentSection").then((m) => ({
    default: m.LearnedGradientDescentSection,
  })),
);
const MlpBaselineSection = lazy(() =>
  import("./sections/MlpBaselineSection").then((m) => ({ default: m.MlpBaselineSection })),
);
const InductionHeadsSection = lazy(() =>
  import("./sections/InductionHeadsSection").then((m) => ({ default: m.InductionHeadsSection })),
);
const EmbedSection = lazy(() => import("./sections/EmbedSection").then((m) => ({ default: m.EmbedSection })));
const CostSection = lazy(() => import("./sections/CostSection").then((m) => ({ default: m.CostSection })));

interface SectionEntry extends SectionProps {
  Component: ComponentType<SectionProps>;
}

/**
 * The essay's sections in reading order. To add one: write `sections/X.tsx` taking
 * `SectionProps`, then add an entry here; its `id` is the anchor the table of contents links to.
 */
const sections: readonly SectionEntry[] = [
  { id: "attention", title: "Attention on your own tokens", Component: AttentionSection },
  { id: "fixed-mlp", title: "A fixed MLP", Component: FixedMlpSection },
  { id: "attention-steps", title: "Attention, step by step", Component: AttentionStepsSection },
  { id: "side-by-side", title: "Side by side", Component: SideBySideSection },
  { id: "input-times-input", title: "Multiplying the input by itself", Component: InputTimesInputSection },
  { id: "two-meanings", title: "Two meanings of weight", Component: TwoMeaningsSection },
  { id: "fast-weights", title: "Linear attention is a fast weight memory", Component: FastWeightsSection },
  {
    id: "gradient-descent",
    title: "One layer, one step of gradient descent",
    Component: GradientDescentSection,
  },
  { id: "hopfield", title: "Attention as associative memory", Component: HopfieldSection },
  {
    id: "learned-gradient-descent",
    title: "A trained layer finds gradient descent",
    Component: LearnedGradientDescentSection,
  },
  { id: "mlp-baseline", title: "An MLP on the same tasks", Component: MlpBaselineSection },
  {
    id: "induction-heads",
    title: "Induction heads: copying from the context",
    Component: InductionHeadsSection,
  },
  { id: "cost", title: "What it costs", Component: CostSection },
  { id: "embed", title: "Embed these figures", Component: EmbedSection },
];

const BIBLIOGRAPHY_ID = "references";

export function App() {
  const contents = [
    { id: QUESTION_ID, title: "The question" },
    ...sections.map(({ id, title }) => ({ id, title })),
    { id: BIBLIOGRAPHY_ID, title: "References" },
  ];
  return (
    <EssayShareHost>
      <a className="skip-link" href="#main">
        Skip to the essay
      </a>
      <Header />
      <main id="main" className="essay" tabIndex={-1}>
        <Opening />
        <div className="column-layout">
          <TableOfContents entries={contents} />
        </div>
        {sections.map(({ id, title, Component }) => (
          <LaterSection key={id} id={id} title={title} Section={Component} />
        ))}
        <Bibliography id={BIBLIOGRAPHY_ID} />
      </main>
    </EssayShareHost>
  );
}
