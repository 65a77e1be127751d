import { widgetRegistry } from "../../widgets/registry";
import { useShareHost } from "../../widgets/shared/share/host";
import { elementSnippet, iframeSnippet } from "../../widgets/shared/share/snippets";
import { EmbedFieldTables } from "./EmbedFieldTables";
import { EssaySection, type SectionProps } from "./EssaySection";

const EXAMPLE_STATE = "v1;text=the%20dog%20chased%20the%20cat;causal=1";
const HEIGHT_MESSAGE = `{ "type": "dynamic-weights:height", "version": 1, "widget": "attention", "height": 612 }`;

/** How to share, embed and export the figures: the essay's own documentation page for bloggers. */
export function EmbedSection({ id, title }: SectionProps) {
  const { links } = useShareHost();
  const embedUrl = links.embed("attention", EXAMPLE_STATE);
  return (
    <EssaySection id={id} title={title}>
      <p>
        Every figure in this essay can leave it. Each has a <strong>Share</strong> menu that copies a link to
        exactly what it shows, a snippet that puts it in your own page, and downloads of the picture (SVG or
        PNG) and of its numbers (JSON, or CSV for a matrix). The figures are free to use with a link back; the
        menu also gives a citation.
      </p>

      <h3>Links</h3>
      <p>
        When you change a figure, the address bar changes with it, so the address is always a link to what you
        see. It has the form <code>#section/figure/state</code>, for example{" "}
        <code>{links.essay("explorer", "attention", EXAMPLE_STATE)}</code>. Opening it scrolls to the figure
        and restores its sentence, dragged tokens, matrices and settings exactly, down to the last digit.
      </p>
      <p>
        The state is written to be read and edited by hand. It starts with a version, <code>v1</code>, then
        lists <code>key=value</code> settings separated by semicolons, in any order: numbers as JavaScript
        writes them (so they survive exactly), lists separated by commas, switches as <code>1</code> or{" "}
        <code>0</code>, and text percent-encoded. Settings left at their defaults are left out, so a figure as
        the essay first shows it is just <code>v1</code>. A link that is damaged, hand-edited or made by a
        different version restores what it can: every valid setting is kept, and the figure says which ones it
        could not use and why. A state longer than 16,384 characters is refused with a message.
      </p>

      <h3>An iframe</h3>
      <p>
        The simplest embed is the figure’s own page, <code>embed.html</code>, in an iframe. It shows the
        figure with its title and a link back to this essay. Its address takes the figure’s name, its state
        and an optional theme (<code>light</code> or <code>dark</code>; without one it follows the reader’s
        system):
      </p>
      <pre className="code-block">
        <code>{iframeSnippet({ embedUrl, title: "Self-attention explorer", height: 640 })}</code>
      </pre>
      <p>
        The short script after the iframe lets it grow and shrink with the figure. Whenever the figure’s
        height changes, the embedded page posts one message to the page around it:
      </p>
      <pre className="code-block">
        <code>{HEIGHT_MESSAGE}</code>
      </pre>
      <p>
        The script applies a height only from a message of exactly this shape, from that iframe, and from this
        essay’s origin; it evaluates nothing it receives. The embedded page sends nothing else, and it listens
        to nothing from the page around it: it cannot be told to run code or to read your readers’ data.
      </p>

      <h3>A script tag</h3>
      <p>
        For a page that wants the figure inline, one module script defines an element for every figure. The
        element keeps its styles to itself (in a shadow root), loads the maths library only when the figure
        first computes, and sets its state from its attributes: either a whole <code>state</code>, or one
        attribute per setting, as in the tables below, written as in a link but without percent-encoding.
      </p>
      <pre className="code-block">
        <code>
          {elementSnippet(links.elementsScript, "attention", EXAMPLE_STATE)}
          {"\n"}
          {'<dw-attention text="the dog chased the cat" causal theme="dark"></dw-attention>'}
        </code>
      </pre>
      <p>
        Each element is its own figure: two on one page never share state. A page’s script can follow one: its{" "}
        <code>value</code> holds the figure’s inputs and computed matrices (the same object as the JSON
        download), its <code>state</code> is its current state as link text, and it fires an{" "}
        <code>input</code> event whenever it shows something new. The server that hosts the bundle must send
        CORS headers, since browsers load module scripts from another origin only with them.
      </p>

      <h3>Every figure’s settings</h3>
      <p>
        There are {widgetRegistry.length} figures. Each is named by its element (<code>dw-name</code>) and by{" "}
        <code>widget=name</code> on the embed page; its settings are the keys of its state and the attributes
        of its element.
      </p>
      <EmbedFieldTables />
    </EssaySection>
  );
}
