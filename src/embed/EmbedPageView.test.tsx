import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { EmbedPageView } from "./EmbedPageView";
import { readEmbedParams } from "./embedParams";
import { fakeEntries } from "./testing";

vi.mock("../widgets/registry", async () => {
  const { fakeEntries } = await import("./testing");
  return {
    widgetRegistry: fakeEntries,
    findWidget: (name: string) => fakeEntries.find((e) => e.name === name),
  };
});

const ESSAY = "https://essay.example/";

describe("the embed page", () => {
  it("shows the title, the figure at the address's state, and a link to that state in the essay", async () => {
    render(
      <EmbedPageView
        params={readEmbedParams("?widget=fake&state=v1;text=hi")}
        entry={fakeEntries[0]}
        essayUrl={ESSAY}
      />,
    );
    expect(screen.getByRole("heading", { name: "Fake figure" })).toBeTruthy();
    expect(await screen.findByText("hi")).toBeTruthy();
    const open = screen.getByRole("link", { name: "Open in the essay ↗" });
    expect(open.getAttribute("href")).toBe(`${ESSAY}#fake-section/fake-figure/v1;text=hi`);
    expect(open.getAttribute("target")).toBe("_blank");
    expect(open.getAttribute("rel")).toBe("noopener");

    fireEvent.click(screen.getByRole("button", { name: "grow" }));
    await waitFor(() =>
      expect(open.getAttribute("href")).toBe(`${ESSAY}#fake-section/fake-figure/v1;text=hi!`),
    );
  });

  it("passes the widget its restore messages and says when the theme was not understood", async () => {
    render(
      <EmbedPageView
        params={readEmbedParams("?widget=fake&state=v1;size=99&theme=neon")}
        entry={fakeEntries[0]}
        essayUrl={ESSAY}
      />,
    );
    expect(await screen.findByText(/Ignored size="99"/)).toBeTruthy();
    expect(screen.getByRole("status").textContent).toMatch(/Ignored theme="neon"/);
  });

  it("lists the figures when the address names none that exists, with a way to the essay", () => {
    render(<EmbedPageView params={readEmbedParams("?widget=nope")} entry={undefined} essayUrl={ESSAY} />);
    expect(screen.getByRole("alert").textContent).toContain("There is no figure called “nope”");
    expect(screen.getByRole("link", { name: "Open the essay ↗" }).getAttribute("href")).toBe(ESSAY);
  });
});
