import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Mounted, mount } from "./mount";

vi.mock("../widgets/registry", async () => {
  const { fakeEntries } = await import("./testing");
  return {
    widgetRegistry: fakeEntries,
    findWidget: (name: string) => fakeEntries.find((e) => e.name === name),
  };
});

const ESSAY = "https://essay.example/";
const mounted: Mounted[] = [];

function mountInto(props: Parameters<typeof mount>[1]) {
  const element = document.createElement("div");
  document.body.append(element);
  let handle: Mounted | undefined;
  act(() => {
    handle = mount(element, props);
  });
  mounted.push(handle as Mounted);
  return { element, handle: handle as Mounted };
}

afterEach(() => {
  act(() => {
    for (const m of mounted.splice(0)) m.destroy();
  });
  document.body.replaceChildren();
});

describe("mount", () => {
  it("renders the widget at the given state, and tells of the reader's changes", async () => {
    const onStateChange = vi.fn();
    const { element, handle } = mountInto({
      widget: "fake",
      state: "v1;text=hi",
      essayUrl: ESSAY,
      onStateChange,
    });
    const figure = within(element);
    expect(await figure.findByText("hi")).toBeTruthy();
    expect(handle.state).toBe("v1;text=hi");
    fireEvent.click(figure.getByRole("button", { name: "grow" }));
    expect(onStateChange).toHaveBeenCalledWith("v1;text=hi!");
    expect(handle.state).toBe("v1;text=hi!");
    // Links name the essay's own figure, wherever the embed is.
    await waitFor(() =>
      expect(figure.getByText("essay link").getAttribute("href")).toBe(
        "https://essay.example/#fake-section/fake-figure/v1;text=hi!",
      ),
    );
  });

  it("starts from the codec's defaults without a state", async () => {
    const { element, handle } = mountInto({ widget: "fake", essayUrl: ESSAY });
    expect(await within(element).findByText("hello")).toBeTruthy();
    expect(handle.state).toBe("v1");
  });

  it("gives two mounts of one widget different ids and independent state", async () => {
    const a = mountInto({ widget: "fake", state: "v1;text=a", essayUrl: ESSAY });
    const b = mountInto({ widget: "fake", state: "v1;text=b", essayUrl: ESSAY });
    await within(a.element).findByText("a");
    await within(b.element).findByText("b");
    expect(a.handle.instanceId).not.toBe(b.handle.instanceId);
    expect(a.element.querySelector(".dw-widget")?.id).toBe(a.handle.instanceId);
    fireEvent.click(within(a.element).getByRole("button", { name: "grow" }));
    expect(within(a.element).getByTestId("text").textContent).toBe("a!");
    expect(within(b.element).getByTestId("text").textContent).toBe("b");
  });

  it("keeps the view on an update with the same state, and starts again from a new one", async () => {
    const { element, handle } = mountInto({ widget: "fake", state: "v1;text=a", essayUrl: ESSAY });
    await within(element).findByText("a");
    fireEvent.click(within(element).getByRole("button", { name: "grow" }));
    const id = handle.instanceId;
    act(() => handle.update({ widget: "fake", state: "v1;text=a", essayUrl: ESSAY }));
    expect(within(element).getByTestId("text").textContent).toBe("a!");
    act(() => handle.update({ widget: "fake", state: "v1;text=c", essayUrl: ESSAY }));
    expect(await within(element).findByText("c")).toBeTruthy();
    expect(handle.instanceId).not.toBe(id);
  });

  it("names an unknown widget and lists the real ones, as text", () => {
    const { element, handle } = mountInto({ widget: "<img src=x>", essayUrl: ESSAY });
    const alert = within(element).getByRole("alert");
    expect(alert.textContent).toContain("There is no figure called “<img src=x>”");
    expect(alert.textContent).toContain("fake, broken, slow");
    expect(element.querySelector("img")).toBeNull();
    expect(handle.instanceId).toBeNull();
  });

  it("shows a loading note while the widget's code arrives", () => {
    const { element } = mountInto({ widget: "slow", essayUrl: ESSAY });
    expect(within(element).getByRole("status").textContent).toBe("Loading “Slow figure”…");
  });

  it("catches a widget's error and says so as text, in its place", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const { element } = mountInto({ widget: "broken", essayUrl: ESSAY });
    const alert = await within(element).findByRole("alert");
    expect(alert.textContent).toContain("“Broken figure” stopped with an error");
    expect(alert.textContent).toContain("the <b>figure</b> broke");
    expect(element.querySelector("b")).toBeNull();
    quiet.mockRestore();
  });

  it("empties the element on destroy", async () => {
    const { element, handle } = mountInto({ widget: "fake", essayUrl: ESSAY });
    await within(element).findByText("hello");
    act(() => handle.destroy());
    mounted.pop();
    expect(element.childElementCount).toBe(0);
    expect(screen.queryByText("hello")).toBeNull();
  });
});
