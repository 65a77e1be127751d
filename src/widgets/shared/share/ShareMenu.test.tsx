import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createCoreEngine } from "../../../../tests/support/coreEngine";
import { attentionCodec } from "../../../state/share/attentionShare";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../../state/share/shareHost";
import { AttentionExplorer } from "../../AttentionExplorer/AttentionExplorer";
import { EngineProvider } from "../EngineContext";

const SLOW = { timeout: 20_000 };
const ESSAY = "https://essay.example/dw/";

function renderExplorer(text = "the cat sat") {
  const host: ShareHost = {
    initialState: () => undefined,
    stateChanged: () => {},
    links: linksFrom(ESSAY, (id) => `section-of-${id}`),
  };
  const view = render(
    <ShareHostProvider host={host}>
      <EngineProvider value={createCoreEngine()}>
        <AttentionExplorer id="explorer" initialText={text} />
      </EngineProvider>
    </ShareHostProvider>,
  );
  const root = view.container.querySelector("#explorer") as HTMLElement & { value: { weights: unknown } };
  return { root };
}

const shareButton = () => screen.getByRole("button", { name: "Share" });
/** jsdom's Blob has no text(). */
const readText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
/** The menu's live region (the explorer has other status regions). */
const menuStatus = () => document.querySelector(".dw-share-status")?.textContent ?? "";

let writeText: ReturnType<typeof vi.fn>;

function mockClipboard(works = true) {
  writeText = vi.fn(async (_text: string) => {
    if (!works) throw new DOMException("Write permission denied.", "NotAllowedError");
  });
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
}

describe("the share menu", () => {
  beforeEach(() => mockClipboard());
  afterEach(() => {
    vi.restoreAllMocks();
    Reflect.deleteProperty(navigator, "clipboard");
    // jsdom has neither; the download test adds them.
    Reflect.deleteProperty(URL, "createObjectURL");
    Reflect.deleteProperty(URL, "revokeObjectURL");
  });

  it("opens from the keyboard and copies the essay link at the state shown when the action runs", async () => {
    const user = userEvent.setup();
    mockClipboard(); // after setup, which installs its own clipboard
    const { root } = renderExplorer();
    await waitFor(
      () => expect(root.querySelectorAll('[data-kind="weights"] [data-col]')).toHaveLength(9),
      SLOW,
    );
    expect(shareButton().getAttribute("aria-expanded")).toBe("false");
    const panel = document.getElementById(shareButton().getAttribute("aria-controls") ?? "") as HTMLElement;
    expect(panel.hidden).toBe(true);

    await user.tab();
    expect(document.activeElement).toBe(shareButton());
    await user.keyboard("{Enter}");
    expect(shareButton().getAttribute("aria-expanded")).toBe("true");
    expect(panel.hidden).toBe(false);

    const expected = `${ESSAY}#section-of-explorer/explorer/v1;text=the%20cat%20sat`;
    expect((screen.getByLabelText("Link to this state") as HTMLInputElement).value).toBe(expected);
    await user.tab(); // the link field, for copying by hand
    expect(document.activeElement).toBe(screen.getByLabelText("Link to this state"));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Copy link" }));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(menuStatus()).toBe("Link copied"));
    expect(writeText).toHaveBeenCalledWith(expected);

    // The reader changes the sentence with the menu open: the next copy has the new state.
    fireEvent.change(screen.getByLabelText("Your sentence"), { target: { value: "a dog" } });
    await user.click(screen.getByRole("button", { name: "Copy link" }));
    const copied = writeText.mock.calls.at(-1)?.[0] as string;
    expect(copied).toBe(`${ESSAY}#section-of-explorer/explorer/v1;text=a%20dog`);
    expect(attentionCodec.decode(copied.split("/").at(-1)).state.text).toBe("a dog");
  });

  it("copies both snippets and the citation, and says so when the clipboard refuses", async () => {
    const { root } = renderExplorer();
    await waitFor(
      () => expect(root.querySelectorAll('[data-kind="weights"] [data-col]')).toHaveLength(9),
      SLOW,
    );
    fireEvent.click(shareButton());
    fireEvent.click(screen.getByRole("button", { name: "Copy iframe snippet" }));
    await waitFor(() => expect(menuStatus()).toBe("Iframe snippet copied"));
    expect(writeText.mock.calls[0][0]).toContain(
      `<iframe src="${ESSAY}embed.html?widget=attention&#38;state=v1%3Btext%3Dthe%2520cat%2520sat"`,
    );
    fireEvent.click(screen.getByRole("button", { name: "Copy script-tag snippet" }));
    await waitFor(() => expect(menuStatus()).toBe("Script-tag snippet copied"));
    expect(writeText.mock.calls[1][0]).toBe(
      `<script type="module" src="${ESSAY}elements/dw-elements.js"></script>\n` +
        '<dw-attention state="v1;text=the%20cat%20sat"></dw-attention>',
    );
    fireEvent.click(screen.getByRole("button", { name: "Copy BibTeX" }));
    await waitFor(() => expect(menuStatus()).toBe("BibTeX copied"));
    expect(writeText.mock.calls[2][0]).toContain("note = {Figure: Self-attention explorer}");

    mockClipboard(false);
    fireEvent.click(screen.getByRole("button", { name: "Copy citation" }));
    await waitFor(() => expect(menuStatus()).toBe("Copy failed: select the text and copy it"));
    // The text is still there to copy by hand.
    expect((screen.getByLabelText("Citation") as HTMLTextAreaElement).value).toMatch(/^Dynamic Weights: /);
  });

  it("closes on Escape with focus back on the button, and on a click outside", async () => {
    const user = userEvent.setup();
    renderExplorer();
    await user.click(shareButton());
    screen.getByRole("button", { name: "Download JSON" }).focus();
    await user.keyboard("{Escape}");
    expect(shareButton().getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(shareButton());

    await user.click(shareButton());
    await user.click(screen.getByLabelText("Link to this state")); // inside: stays open
    expect(shareButton().getAttribute("aria-expanded")).toBe("true");
    await user.click(document.body);
    expect(shareButton().getAttribute("aria-expanded")).toBe("false");
  });

  it("downloads the figure's value as JSON and each matrix as CSV", async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        blobs.push(blob);
        return `blob:test/${blobs.length}`;
      }),
      revokeObjectURL: vi.fn(),
    });
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const { root } = renderExplorer();
    await waitFor(
      () => expect(root.querySelectorAll('[data-kind="weights"] [data-col]')).toHaveLength(9),
      SLOW,
    );
    fireEvent.click(shareButton());

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Download JSON" })));
    await waitFor(() => expect(menuStatus()).toBe("Downloaded dynamic-weights-attention.json"));
    const json = JSON.parse(await readText(blobs[0]));
    expect(json.figure).toBe("Self-attention explorer");
    expect(json.state).toBe("v1;text=the%20cat%20sat");
    expect(json.link).toBe(`${ESSAY}#section-of-explorer/explorer/v1;text=the%20cat%20sat`);
    expect(json.value.weights).toEqual(root.value.weights);

    await act(async () =>
      fireEvent.click(screen.getByRole("button", { name: "Download weights (3 × 3) as CSV" })),
    );
    await waitFor(() => expect(menuStatus()).toBe("Downloaded dynamic-weights-attention-weights.csv"));
    const csv = await readText(blobs[1]);
    expect(csv.split("\r\n")[0]).toBe(",the,cat,sat");
    expect(names).toEqual(["dynamic-weights-attention.json", "dynamic-weights-attention-weights.csv"]);
    expect(screen.getByRole("button", { name: "Download points (3 × 2) as CSV" })).toBeTruthy();

    // Nothing is laid out under jsdom, so there is no figure to draw: it says so, and nothing is saved.
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Download SVG" })));
    await waitFor(() =>
      expect(menuStatus()).toMatch(/^Could not make the file: the figure has nothing drawn/),
    );
    expect(blobs).toHaveLength(2);
  });
});
