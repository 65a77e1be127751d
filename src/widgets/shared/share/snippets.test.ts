// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { heightMessage } from "../../../state/share/embedMessage";
import { elementSnippet, escapeHtml, iframeSnippet, resizeScript } from "./snippets";

const embedUrl = "https://essay.example/dw/embed.html?widget=attention&state=v1%3Btext%3Da%22b";

describe("the iframe snippet", () => {
  it("points at the embed page, escaped, with the figure's title and the widget's height", () => {
    const snippet = iframeSnippet({ embedUrl, title: 'Self-attention "explorer" <b>', height: 611.3 });
    const iframe = snippet.split("\n")[0];
    expect(iframe).toBe(
      `<iframe src="https://essay.example/dw/embed.html?widget=attention&#38;state=v1%3Btext%3Da%22b"` +
        ` title="Self-attention &#34;explorer&#34; &#60;b&#62; — Dynamic Weights" loading="lazy"` +
        ` style="width:100%;border:0" height="612" data-dw-embed></iframe>`,
    );
    const parsed = new DOMParser().parseFromString(snippet, "text/html");
    const element = parsed.querySelector("iframe");
    expect(element?.getAttribute("src")).toBe(embedUrl);
    expect(element?.getAttribute("title")).toBe('Self-attention "explorer" <b> — Dynamic Weights');
    expect(parsed.querySelectorAll("b")).toHaveLength(0);
    expect(parsed.querySelector("script")?.textContent).toBe(resizeScript("https://essay.example"));
  });

  it("falls back to a sensible height when the widget has none yet (not laid out)", () => {
    expect(iframeSnippet({ embedUrl, title: "T", height: 0 })).toContain('height="480"');
  });

  it("cannot be broken out of by the origin it embeds", () => {
    const script = resizeScript('https://x.example"</script><script>alert(1)//');
    expect(script).not.toContain("</script");
    expect(script).not.toContain("<");
  });
});

describe("the resize script", () => {
  const essay = "https://essay.example";
  let removeListeners: (() => void)[] = [];
  afterEach(() => {
    for (const remove of removeListeners) remove();
    removeListeners = [];
    document.body.replaceChildren();
  });

  /** Runs the script as if it followed `iframe` in the page, and returns both iframes. */
  function install() {
    const iframe = document.createElement("iframe");
    const other = document.createElement("iframe");
    document.body.append(iframe, other);
    iframe.style.height = "480px";
    const added: EventListener[] = [];
    const fakeWindow = {
      addEventListener: (type: string, listener: EventListener) => {
        window.addEventListener(type, listener);
        added.push(listener);
      },
    };
    const fakeDocument = { currentScript: { previousElementSibling: iframe } };
    // The snippet's script runs as the blogger's page would run it, with its own document and window.
    new Function("document", "window", resizeScript(essay))(fakeDocument, fakeWindow);
    removeListeners.push(() => {
      for (const listener of added) window.removeEventListener("message", listener);
    });
    expect(added).toHaveLength(1);
    return { iframe, other };
  }

  const post = (data: unknown, origin: string, source: Window | null) =>
    window.dispatchEvent(new MessageEvent("message", { data, origin, source }));

  it("sets the iframe's height from a valid message from that iframe on the essay's origin", () => {
    const { iframe } = install();
    post(heightMessage("attention", 733), essay, iframe.contentWindow);
    expect(iframe.style.height).toBe("733px");
  });

  it("ignores a message from another origin, another window, or of another shape", () => {
    const { iframe, other } = install();
    const valid = heightMessage("attention", 733);
    post(valid, "https://evil.example", iframe.contentWindow);
    post(valid, essay, other.contentWindow);
    post(valid, essay, window);
    post({ ...valid, type: "other" }, essay, iframe.contentWindow);
    post({ ...valid, version: 2 }, essay, iframe.contentWindow);
    post({ ...valid, widget: 1 }, essay, iframe.contentWindow);
    post({ ...valid, height: "900px" }, essay, iframe.contentWindow);
    post({ ...valid, height: "1e3" }, essay, iframe.contentWindow);
    post({ ...valid, height: Number.POSITIVE_INFINITY }, essay, iframe.contentWindow);
    post({ ...valid, height: -1 }, essay, iframe.contentWindow);
    post({ ...valid, height: 20_001 }, essay, iframe.contentWindow);
    post("733", essay, iframe.contentWindow);
    post(null, essay, iframe.contentWindow);
    expect(iframe.style.height).toBe("480px");
  });

  it("does nothing when it does not follow an iframe", () => {
    const listeners: unknown[] = [];
    const fakeWindow = { addEventListener: (...args: unknown[]) => listeners.push(args) };
    const div = document.createElement("div");
    new Function("document", "window", resizeScript(essay))(
      { currentScript: { previousElementSibling: div } },
      fakeWindow,
    );
    expect(listeners).toHaveLength(0);
  });
});

describe("the script-tag snippet", () => {
  it("loads the elements bundle and writes the element with its state escaped", () => {
    const snippet = elementSnippet(
      "https://essay.example/elements/dw-elements.js",
      "attention",
      'v1;text=a"><b>x',
    );
    expect(snippet).toBe(
      '<script type="module" src="https://essay.example/elements/dw-elements.js"></script>\n' +
        '<dw-attention state="v1;text=a&#34;&#62;&#60;b&#62;x"></dw-attention>',
    );
    const parsed = new DOMParser().parseFromString(snippet, "text/html");
    expect(parsed.querySelector("dw-attention")?.getAttribute("state")).toBe('v1;text=a"><b>x');
    expect(parsed.querySelector("b")).toBeNull();
  });

  it("refuses a name that is not a widget's", () => {
    expect(() => elementSnippet("x.js", 'a"><script>', "v1")).toThrow(RangeError);
  });

  it("escapes the five HTML specials", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&#38;&#60;&#62;&#34;&#39;");
  });
});
