import { render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "./App";
import { references } from "./references";

vi.mock("../widgets/AttentionExplorer", async () => {
  const { FakeAttentionExplorer } = await import("./testing");
  return { AttentionExplorer: FakeAttentionExplorer };
});

// The essay is tested on its own: each widget (which would start tfjs) has its own tests.
vi.mock("../widgets/MlpExplorer", () => ({
  MlpExplorer: ({ id }: { id: string }) => <div data-testid="mlp-explorer" data-id={id} />,
}));
vi.mock("../widgets/TwoHeads", () => ({
  TwoHeads: ({ id }: { id: string }) => <div data-testid="two-heads" data-id={id} />,
}));
vi.mock("../widgets/SideBySide", () => ({
  SideBySide: ({ id }: { id: string }) => <div data-testid="side-by-side" data-id={id} />,
}));
vi.mock("../widgets/TwoMeanings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../widgets/TwoMeanings")>()),
  TwoMeanings: ({ id }: { id: string }) => <div data-testid="two-meanings" data-id={id} />,
}));

// Parts II and III and the cost section: stand-ins, so the essay's tests never start tfjs.
const stub =
  (testId: string) =>
  ({ id }: { id: string }) => <div data-testid={testId} data-id={id} />;
vi.mock("../widgets/FastWeights", () => ({ FastWeights: stub("fast-weights") }));
vi.mock("../widgets/MemoryOverwrite", () => ({ MemoryOverwrite: stub("memory-overwrite") }));
vi.mock("../widgets/MemoryCapacity", () => ({ MemoryCapacity: stub("memory-capacity") }));
vi.mock("../widgets/InContextRegression", () => ({ InContextRegression: stub("in-context-regression") }));
vi.mock("../widgets/HopfieldMemory", () => ({ HopfieldMemory: stub("hopfield-memory") }));
vi.mock("../widgets/HopfieldCapacity", () => ({ HopfieldCapacity: stub("hopfield-capacity") }));
vi.mock("../widgets/LargeAttention", () => ({ LargeAttention: stub("large-attention") }));
vi.mock("../widgets/AttentionCost", () => ({ AttentionCost: stub("attention-cost") }));
vi.mock("../widgets/TrainedGradientDescent", () => ({
  TrainedGradientDescent: stub("trained-gradient-descent"),
}));
vi.mock("../widgets/MlpVersusAttention", () => ({ MlpVersusAttention: stub("mlp-versus-attention") }));
vi.mock("../widgets/InductionHeads", () => ({ InductionHeads: stub("induction-heads") }));

/** Waits until every section loaded as its own chunk (Part II and later) has replaced its placeholder. */
async function allSectionsLoaded(): Promise<void> {
  await waitFor(() => expect(document.querySelectorAll(".section-loading")).toHaveLength(0), {
    timeout: 10_000,
  });
}

beforeEach(() => {
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("App", () => {
  it("shows the title, the opening and the attention section", () => {
    render(<App />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Dynamic Weights");
    const opening = screen.getByRole("region", { name: "Introduction" });
    expect(opening.textContent).toContain("softmax");
    expect(opening.textContent).toMatch(/two meanings/);
    expect(opening.textContent).toMatch(/transpose/);
    const section = screen.getByRole("region", { name: "Attention on your own tokens" });
    expect(section.id).toBe("attention");
  });

  it("links the table of contents to every section and the references", () => {
    render(<App />);
    const contents = screen.getByRole("navigation", { name: "Contents" });
    const hrefs = within(contents)
      .getAllByRole("link")
      .map((link) => link.getAttribute("href"));
    expect(hrefs).toEqual([
      "#question",
      "#attention",
      "#fixed-mlp",
      "#attention-steps",
      "#side-by-side",
      "#input-times-input",
      "#two-meanings",
      "#fast-weights",
      "#gradient-descent",
      "#hopfield",
      "#learned-gradient-descent",
      "#mlp-baseline",
      "#induction-heads",
      "#cost",
      "#embed",
      "#references",
    ]);
    for (const href of hrefs) expect(document.querySelector(href ?? "")).not.toBeNull();
  });

  it("typesets the section's equations with KaTeX, including MathML for screen readers", () => {
    render(<App />);
    const section = screen.getByRole("region", { name: "Attention on your own tokens" });
    const displays = section.querySelectorAll(".math-display .katex-display");
    expect(displays.length).toBe(3);
    const mathml = [...section.querySelectorAll(".math-display math annotation")].map((a) => a.textContent);
    expect(mathml.some((tex) => tex?.includes("\\mathrm{softmax}"))).toBe(true);
    expect(mathml).toContain("Q = XW_Q,\\quad K = XW_K,\\quad V = XW_V");
    expect(mathml.some((tex) => tex?.includes("\\sigma(XA^\\top)B^\\top"))).toBe(true);
    expect(section.querySelector(".katex-error")).toBeNull();
  });

  it("loads the widget with the essay's id and starting sentence", async () => {
    render(<App />);
    // The explorer appears twice: in "Attention on your own tokens" and, with its step-by-step
    // controls, in "Attention, step by step". The first is the essay's opening figure.
    // Generous: on a cold start the test runner transforms the lazily loaded sections' modules first.
    const [widget] = await screen.findAllByTestId("attention-explorer", {}, { timeout: 10_000 });
    expect(widget.dataset.id).toBe("explorer");
    expect(widget.dataset.initialText).toBe("the cat sat on the mat because it was tired");
    expect(widget.closest("figure")?.querySelector("figcaption")?.textContent).toMatch(/backend/);
  });

  it("links every citation to an entry in the bibliography", async () => {
    render(<App />);
    await allSectionsLoaded();
    const vaswani = screen.getAllByRole("link", { name: "Vaswani et al., 2017" })[0];
    expect(vaswani.parentElement?.textContent).toBe("(Vaswani et al., 2017)");
    const citations = document.querySelectorAll<HTMLAnchorElement>(".cite a");
    expect(citations.length).toBeGreaterThanOrEqual(4);
    const cited = new Set<string>();
    for (const link of citations) {
      const target = document.querySelector(link.getAttribute("href") ?? "");
      expect(target?.closest("#references")).not.toBeNull();
      cited.add(target?.id ?? "");
    }
    // Every entry in the bibliography is cited somewhere, and nothing cites a missing entry.
    expect([...cited].sort()).toEqual(references.map((reference) => `ref-${reference.id}`).sort());
  });

  it("still renders when localStorage is unavailable", () => {
    vi.spyOn(window, "localStorage", "get").mockImplementation(() => {
      throw new DOMException("The operation is insecure.", "SecurityError");
    });
    render(<App />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Dynamic Weights");
    expect(screen.getByRole("radio", { name: "System" })).toHaveProperty("checked", true);
    expect(document.documentElement.dataset.theme).toBe("light");
  });
});
