import {
  EMBED_HEIGHT_MESSAGE,
  EMBED_MESSAGE_VERSION,
  MAX_EMBED_HEIGHT,
} from "../../../state/share/embedMessage";

/** The essay's name, after the figure's title in an iframe's accessible title. */
export const ESSAY_NAME = "Dynamic Weights";

/** Text safe inside an HTML attribute value in double quotes (and in element content). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A JavaScript string literal safe inside an inline `<script>`: JSON quoting, plus `<` written as
 * `\u003c` so no `</script>` can end the element early, and the line separators JSON allows.
 */
export function scriptString(text: string): string {
  return JSON.stringify(text).replace(
    /[<>\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** A widget name as a custom element tag: `dw-attention`. Names come from the registry's codecs. */
export function elementTag(name: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new RangeError(`Not a widget name: ${JSON.stringify(name)}`);
  return `dw-${name}`;
}

/**
 * The resize listener pasted after the iframe. It finds its iframe as the element just before the
 * script, and applies a height only from a `message` event that comes from that iframe's window,
 * from the essay's origin, and has exactly the height message's shape (see embedMessage.ts). It
 * never evaluates or inserts anything it receives: it sets one style property to a checked number.
 */
export function resizeScript(essayOrigin: string): string {
  return [
    "(function(){",
    "var s=document.currentScript,f=s&&s.previousElementSibling;",
    'if(!f||f.tagName!=="IFRAME")return;',
    `var o=${scriptString(essayOrigin)};`,
    'window.addEventListener("message",function(e){',
    "var d=e.data;",
    'if(e.origin!==o||e.source!==f.contentWindow||!d||typeof d!=="object")return;',
    `if(d.type!==${scriptString(EMBED_HEIGHT_MESSAGE)}||d.version!==${EMBED_MESSAGE_VERSION}||typeof d.widget!=="string")return;`,
    // Written without "<", so no HTML parser could read a tag in it.
    `if(typeof d.height!=="number"||!isFinite(d.height)||!(d.height>0)||d.height>${MAX_EMBED_HEIGHT})return;`,
    'f.style.height=d.height+"px";',
    "});",
    "})();",
  ].join("");
}

export interface IframeSnippetInput {
  /** The embed page's address at this state (`host.links.embed(name, encoded)`). */
  embedUrl: string;
  /** The figure's title ("Self-attention explorer"). */
  title: string;
  /** The widget's height now, in CSS pixels: the iframe's height until the first message lands. */
  height: number;
}

/** An `<iframe>` of the embed page, followed by the script that resizes it to the widget's height. */
export function iframeSnippet({ embedUrl, title, height }: IframeSnippetInput): string {
  const origin = new URL(embedUrl).origin;
  const px = Number.isFinite(height) && height > 0 ? Math.ceil(Math.min(height, MAX_EMBED_HEIGHT)) : 480;
  const iframe =
    `<iframe src="${escapeHtml(embedUrl)}" title="${escapeHtml(`${title} — ${ESSAY_NAME}`)}"` +
    ` loading="lazy" style="width:100%;border:0" height="${px}" data-dw-embed></iframe>`;
  return `${iframe}\n<script>${resizeScript(origin)}</script>`;
}

/** The script-tag embed: the elements bundle, then the widget's element at this state. */
export function elementSnippet(elementsScript: string, name: string, encoded: string): string {
  const tag = elementTag(name);
  return [
    `<script type="module" src="${escapeHtml(elementsScript)}"></script>`,
    `<${tag} state="${escapeHtml(encoded)}"></${tag}>`,
  ].join("\n");
}
