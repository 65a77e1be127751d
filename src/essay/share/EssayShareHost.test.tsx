import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useShareHost } from "../../widgets/shared/share/host";
import { createEssaySharing, EssayShareHost } from "./EssayShareHost";
import { essayInstances } from "./essayInstances";

afterEach(() => {
  history.replaceState(null, "", "/");
});

function Probe({ id }: { id: string }) {
  const host = useShareHost();
  return (
    <div>
      <output aria-label="initial">{host.initialState(id) ?? "none"}</output>
      <button type="button" onClick={() => host.stateChanged(id, "attention", "v1;causal=1")}>
        change
      </button>
      <output aria-label="link">{host.links.essay(id, "attention", "v1;causal=1")}</output>
    </div>
  );
}

describe("the essay as a share host", () => {
  it("gives a linked figure its state and no other figure any", () => {
    history.replaceState(null, "", "/#attention/explorer/v1;text=hi");
    const sharing = createEssaySharing(window);
    expect(sharing.host.initialState("explorer")).toBe("v1;text=hi");
    expect(sharing.host.initialState("fixed-mlp-explorer")).toBeUndefined();
    expect(sharing.notice).toBeNull();
  });

  it("uses the figure's own section even when the link names another", () => {
    history.replaceState(null, "", "/#cost/explorer/v1");
    expect(createEssaySharing(window).link?.section).toBe("attention");
  });

  it("writes a changed figure's state into the address, keeping the query and history length", async () => {
    history.replaceState(null, "", "/?backend=cpu");
    const length = history.length;
    render(
      <EssayShareHost>
        <Probe id="fast-weights-player" />
      </EssayShareHost>,
    );
    await act(async () => screen.getByRole("button", { name: "change" }).click());
    expect(location.search).toBe("?backend=cpu");
    expect(location.hash).toBe("#fast-weights/fast-weights-player/v1;causal=1");
    expect(history.length).toBe(length);
    expect(screen.getByLabelText("link").textContent).toBe(
      `${location.origin}/#fast-weights/fast-weights-player/v1;causal=1`,
    );
  });

  it("says so when the link names a figure the essay does not have, as text", async () => {
    history.replaceState(null, "", "/#attention/img-src-x/v1");
    render(
      <EssayShareHost>
        <Probe id="explorer" />
      </EssayShareHost>,
    );
    const notice = screen.getByText(/does not have/);
    expect(notice.textContent).toContain("“img-src-x”");
    expect(screen.getByLabelText("initial").textContent).toBe("none");
    await act(async () => screen.getByRole("button", { name: "Dismiss" }).click());
    expect(screen.queryByText(/does not have/)).toBeNull();
  });

  it("scrolls to the linked figure once it has started", async () => {
    history.replaceState(null, "", "/#attention/explorer/v1");
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    render(
      <EssayShareHost>
        <section id="attention" />
      </EssayShareHost>,
    );
    expect(scrolled).toHaveBeenCalledTimes(1);
    const figure = document.createElement("figure");
    const widget = document.createElement("div");
    widget.id = "explorer";
    figure.append(widget);
    await act(async () => {
      document.body.append(figure);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(scrolled).toHaveBeenCalledTimes(2);
    expect(scrolled.mock.contexts[1]).toBe(figure);
    figure.remove();
  });

  it("lists every instance once with a section", () => {
    for (const { section, widget } of Object.values(essayInstances)) {
      expect(section).toMatch(/^[a-z-]+$/);
      expect(widget).toMatch(/^[a-z-]+$/);
    }
  });
});
