import { describe, expect, it, vi } from "vitest";
import { createEmbedHost } from "./embedHost";
import { fakeEntries } from "./testing";

const fake = fakeEntries[0];

describe("createEmbedHost", () => {
  it("gives every instance the starting state, or the codec's defaults when there is none", () => {
    expect(createEmbedHost(fake, "v1;text=hi", "https://essay.example/").initialState("fake-figure-x1")).toBe(
      "v1;text=hi",
    );
    const bare = createEmbedHost(fake, undefined, "https://essay.example/");
    expect(bare.initialState("anything")).toBe("v1");
    expect(bare.current()).toBe("v1");
  });

  it("keeps the state the widget last reported and passes it on", () => {
    const onChange = vi.fn();
    const host = createEmbedHost(fake, "v1;text=a", "https://essay.example/", onChange);
    host.stateChanged("fake-figure-x1", "fake", "v1;text=b");
    expect(host.current()).toBe("v1;text=b");
    expect(onChange).toHaveBeenCalledWith("v1;text=b");
  });

  it("links to the essay's own instance and section, not the embed's id, at the essay it came from", () => {
    const host = createEmbedHost(fake, undefined, new URL("https://essay.example/dw/?q=1#top"));
    expect(host.links.essay("fake-figure-k3x9q2", "fake", "v1;text=b")).toBe(
      "https://essay.example/dw/#fake-section/fake-figure/v1;text=b",
    );
    expect(host.links.embed("fake", "v1;text=b")).toBe(
      "https://essay.example/dw/embed.html?widget=fake&state=v1%3Btext%3Db",
    );
    expect(host.links.elementsScript).toBe("https://essay.example/dw/elements/dw-elements.js");
  });
});
