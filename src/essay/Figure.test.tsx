import { act, render, screen } from "@testing-library/react";
import { type ComponentType, lazy } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Figure } from "./Figure";

function BrokenWidget(): never {
  throw new Error("backend failed");
}

afterEach(() => vi.restoreAllMocks());

function NamedWidget({ id }: { id: string }) {
  return <p id={id}>widget</p>;
}

describe("Figure", () => {
  it("renders its widget and caption", () => {
    render(
      <Figure caption="A caption">
        <p>widget body</p>
      </Figure>,
    );
    expect(screen.getByText("widget body")).toBeTruthy();
    expect(screen.getByText("A caption").tagName).toBe("FIGCAPTION");
  });

  it("names the widget it holds before that widget starts, so a link can scroll to it", () => {
    const { container } = render(
      <Figure caption="Named">
        <NamedWidget id="explorer" />
      </Figure>,
    );
    expect(container.querySelector("figure")?.getAttribute("data-figure-for")).toBe("explorer");
  });

  it("replaces a crashing widget with a message and keeps the caption", () => {
    // React and the boundary both log the caught error; keep the test output readable.
    vi.spyOn(console, "error").mockImplementation(() => {});
    render(
      <Figure caption="Still here">
        <BrokenWidget />
      </Figure>,
    );
    expect(screen.getByRole("alert").textContent).toContain("backend failed");
    expect(screen.getByText("Still here")).toBeTruthy();
  });

  it("starts its widget only when it comes near the viewport", () => {
    let reveal: (entries: { isIntersecting: boolean }[]) => void = () => {};
    vi.stubGlobal(
      "IntersectionObserver",
      class {
        constructor(callback: typeof reveal) {
          reveal = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    try {
      render(
        <Figure caption="Far below">
          <p>widget body</p>
        </Figure>,
      );
      expect(screen.queryByText("widget body")).toBeNull();
      expect(screen.getByText(/starts when you scroll to it/)).toBeTruthy();
      act(() => reveal([{ isIntersecting: false }]));
      expect(screen.queryByText("widget body")).toBeNull();
      act(() => reveal([{ isIntersecting: true }]));
      expect(screen.getByText("widget body")).toBeTruthy();
      expect(screen.getByText("Far below").tagName).toBe("FIGCAPTION");
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("shows a placeholder while a lazy widget loads, then the widget", async () => {
    let finishLoading: (module: { default: ComponentType }) => void = () => {};
    const loading = new Promise<{ default: ComponentType }>((resolve) => {
      finishLoading = resolve;
    });
    const LazyWidget = lazy(() => loading);
    render(
      <Figure caption="Lazy">
        <LazyWidget />
      </Figure>,
    );
    expect(screen.getByText(/Loading the interactive figure/)).toBeTruthy();
    finishLoading({ default: () => <p>loaded widget</p> });
    expect(await screen.findByText("loaded widget")).toBeTruthy();
    expect(screen.queryByText(/Loading the interactive figure/)).toBeNull();
  });

  it("says so when a lazy widget's code fails to load", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const LazyWidget = lazy(() => Promise.reject(new Error("chunk failed to load")));
    render(
      <Figure caption="Lazy">
        <LazyWidget />
      </Figure>,
    );
    expect((await screen.findByRole("alert")).textContent).toContain("chunk failed to load");
  });
});
