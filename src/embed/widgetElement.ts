import type { WidgetEntry } from "../widgets/registry";
import { type Mounted, mount } from "./mount";

export interface WidgetElementOptions {
  /** The essay the bundle was served from: where the elements' share links point. */
  essayUrl: URL;
  /** The bundle's one stylesheet, linked into every shadow root; null when styles arrive another way (dev). */
  stylesheet: URL | null;
  /** Called with each new shadow root (dev mirrors Vite's injected styles into it). */
  adoptStyles?(root: ShadowRoot): () => void;
}

const THEMES = ["light", "dark"];

/**
 * The class behind `<dw-<name>>`: one registry widget in an open shadow root, its state from the
 * element's attributes (`state`, then one attribute per codec field), its colours from `theme`.
 * `.value` is the widget's published figure value, `.state` the encoded state the reader sees,
 * and a non-bubbling `input` event fires on the element each time the figure shows something new.
 * Each element has its own React root and store; two on one page never interfere.
 *
 *   connected ─▶ mount(attributes) ─ reader drags ─▶ figure input ─▶ host `input`
 *   attribute changed ─▶ (next microtask) remount from the attributes
 *   disconnected (and not re-inserted) ─▶ destroy
 */
export function widgetElementClass(
  entry: WidgetEntry,
  options: WidgetElementOptions,
): CustomElementConstructor {
  const fieldNames = Object.keys(entry.codec.fields);

  return class WidgetElement extends HTMLElement {
    static observedAttributes = ["state", "theme", ...fieldNames];

    readonly #messages: HTMLElement;
    readonly #target: HTMLElement;
    #mounted: Mounted | null = null;
    #pending = false;
    #stopStyles: (() => void) | null = null;

    constructor() {
      super();
      const root = this.attachShadow({ mode: "open" });
      if (options.stylesheet) {
        const link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = options.stylesheet.href;
        root.append(link);
      }
      this.#messages = document.createElement("div");
      this.#messages.className = "dw-element-messages";
      this.#messages.setAttribute("role", "status");
      this.#target = document.createElement("div");
      this.#target.className = "dw-element-figure";
      root.append(this.#messages, this.#target);
      root.addEventListener("input", (event) => this.#forwardInput(event));
    }

    /** The widget's figure value (inputs and computed matrices), or undefined before it renders. */
    get value(): unknown {
      const figure = this.#figure();
      return figure && "value" in figure ? (figure as { value: unknown }).value : undefined;
    }

    /** The encoded state the reader sees now, as in a link or the `state` attribute. */
    get state(): string {
      return this.#mounted?.state ?? entry.codec.encode(this.#decoded().state);
    }

    connectedCallback() {
      if (this.#mounted) return;
      this.#stopStyles = options.adoptStyles?.(this.shadowRoot as ShadowRoot) ?? null;
      this.#render();
    }

    disconnectedCallback() {
      // Moving the element within the page disconnects and reconnects it: keep the figure then.
      queueMicrotask(() => {
        if (this.isConnected || !this.#mounted) return;
        this.#mounted.destroy();
        this.#mounted = null;
        this.#stopStyles?.();
        this.#stopStyles = null;
      });
    }

    attributeChangedCallback(_name: string, previous: string | null, next: string | null) {
      if (previous === next || !this.#mounted || this.#pending) return;
      // Several attributes set in a row remount once, after the last.
      this.#pending = true;
      queueMicrotask(() => {
        this.#pending = false;
        if (this.#mounted) this.#render();
      });
    }

    #decoded() {
      return entry.codec.fromAttributes(Array.from(this.attributes, (a) => [a.name, a.value] as const));
    }

    #render() {
      const decoded = this.#decoded();
      const messages = [...decoded.messages];
      const theme = this.getAttribute("theme");
      if (theme !== null && !THEMES.includes(theme))
        messages.push(
          `Ignored theme="${theme.slice(0, 20)}": it must be light or dark; following the page's system colours.`,
        );
      this.#showMessages(messages);
      const fromAttributes = this.hasAttribute("state") || fieldNames.some((name) => this.hasAttribute(name));
      const props = {
        widget: entry.name,
        state: fromAttributes ? entry.codec.encode(decoded.state) : undefined,
        essayUrl: options.essayUrl,
      };
      if (this.#mounted) this.#mounted.update(props);
      else this.#mounted = mount(this.#target, props);
    }

    #showMessages(messages: readonly string[]) {
      this.#messages.replaceChildren();
      if (messages.length === 0) return;
      const intro = document.createElement("p");
      intro.textContent = "Some of this figure's attributes could not be used:";
      const list = document.createElement("ul");
      for (const message of messages) {
        const item = document.createElement("li");
        item.textContent = message;
        list.append(item);
      }
      this.#messages.append(intro, list);
    }

    #figure(): HTMLElement | null {
      const id = this.#mounted?.instanceId;
      return id ? (this.shadowRoot?.getElementById(id) ?? null) : null;
    }

    /**
     * The figure's `input` event bubbles only to the shadow root; the element re-fires it for the
     * page. Native `input` events from the widget's own text fields are composed and would reach the
     * page too, before the figure has recomputed: they stop here, so `input` on a `dw-*` element
     * always means `.value` changed.
     */
    #forwardInput(event: Event) {
      if (event.target === this.#figure()) this.dispatchEvent(new Event("input"));
      else if (event.composed) event.stopPropagation();
    }
  };
}
