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

  it("scrolls to the section, keeps it there as the page grows, then to the figure once it has started", async () => {
    vi.useFakeTimers({
      toFake: ["setTimeout", "clearTimeout", "requestAnimationFrame", "cancelAnimationFrame"],
    });
    history.replaceState(null, "", "/#attention/explorer/v1");
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    render(
      <EssayShareHost>
        <section id="attention" />
      </EssayShareHost>,
    );
    expect(scrolled.mock.contexts.map((el) => (el as Element).id)).toEqual(["attention"]);
    // A section above loads: the page changes, and the section is brought back into view.
    await act(async () => {
      document.body.append(document.createElement("p"));
      await Promise.resolve();
      vi.advanceTimersToNextFrame();
    });
    expect(scrolled.mock.contexts.map((el) => (el as Element).id)).toEqual(["attention", "attention"]);
    const figure = document.createElement("figure");
    const widget = document.createElement("div");
    widget.id = "explorer";
    figure.append(widget);
    await act(async () => {
      document.body.append(figure);
      await Promise.resolve();
      vi.advanceTimersToNextFrame();
    });
    expect(scrolled.mock.contexts.at(-1)).toBe(figure);
    // It lets go once the figure has settled: later changes no longer scroll.
    await act(async () => {
      vi.advanceTimersByTime(2_000);
      document.body.append(document.createElement("p"));
      await Promise.resolve();
      vi.advanceTimersToNextFrame();
    });
    const calls = scrolled.mock.calls.length;
    await act(async () => {
      document.body.append(document.createElement("p"));
      await Promise.resolve();
      vi.advanceTimersToNextFrame();
    });
    expect(scrolled.mock.calls.length).toBe(calls);
    figure.remove();
    vi.useRealTimers();
  });

  it("scrolls to the figure waiting to start, which starts it", () => {
    history.replaceState(null, "", "/#attention/explorer/v1");
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    render(
      <EssayShareHost>
        <section id="attention">
          <figure data-figure-for="explorer" />
        </section>
      </EssayShareHost>,
    );
    expect((scrolled.mock.contexts[0] as Element).getAttribute("data-figure-for")).toBe("explorer");
  });

  it("stops as soon as the reader scrolls", async () => {
    history.replaceState(null, "", "/#attention/explorer/v1");
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    render(
      <EssayShareHost>
        <section id="attention" />
      </EssayShareHost>,
    );
    window.dispatchEvent(new WheelEvent("wheel"));
    const widget = document.createElement("div");
    widget.id = "explorer";
    await act(async () => {
      document.body.append(widget);
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(scrolled).toHaveBeenCalledTimes(1);
    widget.remove();
  });

  it("lists every instance once with a section", () => {
    for (const { section, widget } of Object.values(essayInstances)) {
      expect(section).toMatch(/^[a-z-]+$/);
      expect(widget).toMatch(/^[a-z-]+$/);
    }
  });
});
