import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

// Drawing two 64 × 64 heatmaps in jsdom takes seconds on a loaded 2-core machine.
const SLOW = { timeout: 20_000 };

import { createCoreEngine } from "../../../tests/support/coreEngine";
import { EngineProvider } from "../shared/EngineContext";
import { AttentionExplorer } from "./AttentionExplorer";

function renderExplorer(initialText: string, id = "explorer") {
  const engine = createCoreEngine();
  const view = render(
    <EngineProvider value={engine}>
      <AttentionExplorer id={id} initialText={initialText} />
    </EngineProvider>,
  );
  return { engine, view, root: () => view.container.querySelector<HTMLElement>(`#${id}`) as HTMLElement };
}

const tokenLabels = (root: HTMLElement) =>
  Array.from(root.querySelectorAll(".dw-plane .dw-token text")).map((node) => node.textContent);

/** The inline message under the text box (the element the box is described by). */
const inputMessage = () => {
  const input = screen.getAllByLabelText("Your sentence")[0];
  return document.getElementById(input.getAttribute("aria-describedby") ?? "")?.textContent ?? "";
};

const weightCells = (root: HTMLElement) =>
  root.querySelectorAll('[data-kind="weights"] [data-row][data-col]');

describe("AttentionExplorer", () => {
  it("turns the typed sentence into points and heatmap labels", async () => {
    const { root } = renderExplorer("the cat sat");
    await waitFor(() => expect(weightCells(root())).toHaveLength(9), SLOW);
    expect(tokenLabels(root())).toEqual(["the", "cat", "sat"]);

    fireEvent.change(screen.getByLabelText("Your sentence"), { target: { value: "a dog ran home" } });
    await waitFor(() => expect(weightCells(root())).toHaveLength(16), SLOW);
    expect(tokenLabels(root())).toEqual(["a", "dog", "ran", "home"]);
    const weights = root().querySelector('[data-kind="weights"]') as HTMLElement;
    expect(within(weights).getAllByText("dog").length).toBeGreaterThan(0);
  });

  it("keeps the first 64 of 65 tokens, says so, and keeps the whole text in the box", async () => {
    const text = Array.from({ length: 65 }, (_, i) => `w${i}`).join(" ");
    const { root } = renderExplorer(text);
    expect(inputMessage()).toMatch(/65 tokens.*first 64/);
    expect((screen.getByLabelText("Your sentence") as HTMLInputElement).value).toBe(text);
    await waitFor(() => expect(weightCells(root())).toHaveLength(64 * 64), SLOW);
    expect(tokenLabels(root())).toHaveLength(64);
    expect(tokenLabels(root()).at(-1)).toBe("w63");
  }, 30_000);

  it("shows a hint, not an error, for an empty box, and recovers when text comes back", async () => {
    const { root, engine } = renderExplorer("");
    expect(inputMessage()).toMatch(/Type a sentence/);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(root().querySelector(".dw-plane")).toBeNull();
    expect(engine.calls).toBe(0);

    fireEvent.change(screen.getByLabelText("Your sentence"), { target: { value: "hello" } });
    await waitFor(() => expect(weightCells(root())).toHaveLength(1), SLOW);
    expect(
      root().querySelector('[data-kind="weights"] [data-row="0"][data-col="0"]')?.getAttribute("aria-label"),
    ).toMatch(/1\.00/);
  });

  it("renders token text as text, never as HTML", async () => {
    const { root } = renderExplorer('<img src=x onerror="alert(1)"> 🐈 שלום');
    await waitFor(
      () => expect(root().querySelectorAll(".dw-plane .dw-token").length).toBeGreaterThan(2),
      SLOW,
    );
    expect(root().querySelector("img")).toBeNull();
    expect(tokenLabels(root())).toContain("🐈");
  });

  it("keeps what the reader typed into a matrix entry that is not a number, and says why", async () => {
    renderExplorer("the cat");
    const entry = screen.getByLabelText("W_Q row 1, column 1") as HTMLInputElement;
    fireEvent.change(entry, { target: { value: "1.5x" } });
    expect(entry.value).toBe("1.5x");
    expect(screen.getByRole("alert").textContent).toMatch(/not a number/);
    expect(entry.getAttribute("aria-invalid")).toBe("true");

    fireEvent.change(entry, { target: { value: "0." } });
    expect(entry.value).toBe("0.");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("gives two instances on one page their own state", async () => {
    const engine = createCoreEngine();
    const { container } = render(
      <EngineProvider value={engine}>
        <AttentionExplorer id="one" initialText="red green" />
        <AttentionExplorer id="two" initialText="one two three" />
      </EngineProvider>,
    );
    const one = container.querySelector("#one") as HTMLElement;
    const two = container.querySelector("#two") as HTMLElement;
    await waitFor(() => expect(weightCells(two)).toHaveLength(9), SLOW);
    const [firstInput] = screen.getAllByLabelText("Your sentence");
    await act(async () => {
      fireEvent.change(firstInput, { target: { value: "blue" } });
    });
    await waitFor(() => expect(weightCells(one)).toHaveLength(1), SLOW);
    expect(tokenLabels(two)).toEqual(["one", "two", "three"]);
    expect(weightCells(two)).toHaveLength(9);
  });
});
