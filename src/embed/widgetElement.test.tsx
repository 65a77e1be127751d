import { act, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fakeEntries } from "./testing";
import { widgetElementClass } from "./widgetElement";

vi.mock("../widgets/registry", async () => {
  const { fakeEntries } = await import("./testing");
  return {
    widgetRegistry: fakeEntries,
    findWidget: (name: string) => fakeEntries.find((e) => e.name === name),
  };
});

type FakeElement = HTMLElement & { value: { text: string; matrix: number[][] } | undefined; state: string };

const STYLESHEET = new URL("https://essay.example/elements/dw-elements.css");

beforeAll(() => {
  customElements.define(
    "dw-fake",
    widgetElementClass(fakeEntries[0], {
      essayUrl: new URL("https://essay.example/"),
      stylesheet: STYLESHEET,
    }),
  );
});

afterEach(() => {
  act(() => document.body.replaceChildren());
});

/** Adds `<dw-fake>` written as in a page, and waits for its figure. */
async function place(html: string): Promise<FakeElement[]> {
  act(() => {
    document.body.insertAdjacentHTML("beforeend", html);
  });
  const elements = Array.from(document.querySelectorAll<FakeElement>("dw-fake"));
  await waitFor(() => expect(elements.every((el) => el.value !== undefined)).toBe(true));
  return elements;
}

/** Clicks the fake figure's own button: the reader changing it. */
const grow = (el: FakeElement) => (el.shadowRoot as ShadowRoot).querySelector("button")?.click();

const shown = (el: FakeElement) => el.shadowRoot?.querySelector("[data-testid=text]")?.textContent;

describe("<dw-*> elements", () => {
  it("renders in an open shadow root that links the bundle's one stylesheet", async () => {
    const [el] = await place("<dw-fake></dw-fake>");
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector("link[rel=stylesheet]")?.getAttribute("href")).toBe(STYLESHEET.href);
    expect(root.querySelector(".dw-widget")).not.toBeNull();
    expect(el.querySelector(".dw-widget")).toBeNull();
    expect(shown(el)).toBe("hello");
    expect(el.state).toBe("v1");
  });

  it("starts from `state`, then from one attribute per field, and exposes the figure's value", async () => {
    const [el] = await place('<dw-fake state="v1;text=from%20state;size=3" text="from attribute"></dw-fake>');
    expect(shown(el)).toBe("from attribute");
    expect(el.value).toEqual({
      text: "from attribute",
      matrix: [
        [14, 14, 14],
        [14, 14, 14],
        [14, 14, 14],
      ],
    });
    expect(el.state).toBe("v1;text=from%20attribute;size=3");
  });

  it("shows what its attributes got wrong inside itself, as text", async () => {
    const [el] = await place('<dw-fake size="<b>big</b>" theme="neon"></dw-fake>');
    const messages = el.shadowRoot?.querySelector(".dw-element-messages") as HTMLElement;
    expect(messages.textContent).toContain(
      'Ignored size="<b>big</b>": size must be a whole number from 1 to 9',
    );
    expect(messages.textContent).toContain('Ignored theme="neon"');
    expect(messages.querySelector("b")).toBeNull();
    expect(shown(el)).toBe("hello");
  });

  it("re-fires the figure's input on itself, not bubbling, and stops the widget's own text input events", async () => {
    const [el] = await place("<dw-fake></dw-fake>");
    const onHost = vi.fn();
    const onDocument = vi.fn();
    el.addEventListener("input", onHost);
    document.addEventListener("input", onDocument);
    act(() => grow(el));
    await waitFor(() => expect(onHost).toHaveBeenCalled());
    expect(onHost.mock.calls[0][0].bubbles).toBe(false);
    expect(el.value?.text).toBe("hello!");
    await waitFor(() => expect(el.state).toBe("v1;text=hello!"));

    onHost.mockClear();
    const typing = el.shadowRoot?.querySelector("input") as HTMLInputElement;
    typing.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
    expect(onHost).not.toHaveBeenCalled();
    expect(onDocument).not.toHaveBeenCalled();
    document.removeEventListener("input", onDocument);
  });

  it("restarts from changed attributes, keeping the state through a theme change", async () => {
    const [el] = await place('<dw-fake text="first"></dw-fake>');
    const before = el.shadowRoot?.querySelector(".dw-widget")?.id;
    act(() => {
      el.setAttribute("text", "second");
      el.setAttribute("size", "4");
    });
    await waitFor(() => expect(shown(el)).toBe("second"));
    expect(el.value?.matrix).toHaveLength(4);
    expect(el.shadowRoot?.querySelector(".dw-widget")?.id).not.toBe(before);
    // A theme is styling only: the figure keeps its state.
    act(() => grow(el));
    act(() => el.setAttribute("theme", "dark"));
    await Promise.resolve();
    expect(shown(el)).toBe("second!");
  });

  it("keeps two elements independent", async () => {
    const [a, b] = await place('<dw-fake text="a"></dw-fake><dw-fake text="b"></dw-fake>');
    act(() => grow(a));
    await waitFor(() => expect(a.value?.text).toBe("a!"));
    expect(b.value?.text).toBe("b");
    expect(a.shadowRoot?.querySelector(".dw-widget")?.id).not.toBe(
      b.shadowRoot?.querySelector(".dw-widget")?.id,
    );
  });

  it("keeps its figure when moved within the page, and lets it go when removed", async () => {
    const [el] = await place('<dw-fake text="kept"></dw-fake>');
    act(() => grow(el));
    const box = document.createElement("section");
    act(() => {
      document.body.append(box);
      box.append(el);
    });
    await Promise.resolve();
    expect(shown(el)).toBe("kept!");
    act(() => el.remove());
    await waitFor(() => expect(el.shadowRoot?.querySelector(".dw-widget")).toBeNull());
    expect(el.value).toBeUndefined();
  });
});
