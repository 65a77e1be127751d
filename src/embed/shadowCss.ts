/**
 * Rewrites the essay's stylesheets for a shadow root, where `:root` matches nothing: the theme's
 * and palette's custom properties move to `:host` (so every `dw-*` element carries them, whatever
 * the blogger's page defines), and a pinned theme (`:root[data-theme=dark]`) becomes the element's
 * own `theme` attribute (`:host([theme=dark])`). Values stay written once, in theme.css and
 * palette.css. Used on the elements build's CSS file and, in dev, on the styles Vite injects.
 */
export function shadowRootCss(css: string): string {
  return css
    .replace(/:root\[data-theme=(["']?)(light|dark)\1\]/g, ":host([theme=$2])")
    .replace(/:root(?![\w-])/g, ":host");
}
