/** What the embed page's address asks for: `embed.html?widget=<name>&state=<encoded>&theme=light|dark`. */
export interface EmbedParams {
  /** The widget's registry name, or null when the address names none. */
  widget: string | null;
  /** The encoded state to start from, passed to the widget as is (its codec reports what it cannot use). */
  state: string | undefined;
  /** "system" follows the reader's `prefers-color-scheme`. */
  theme: "light" | "dark" | "system";
  /** Set when `theme` held something other than light or dark. */
  themeMessage?: string;
}

/** Reads the embed page's query string; never throws, whatever the address holds. */
export function readEmbedParams(search: string): EmbedParams {
  const query = new URLSearchParams(search);
  const widget = query.get("widget");
  const state = query.get("state") ?? undefined;
  const rawTheme = query.get("theme");
  const theme = rawTheme?.trim().toLowerCase();
  if (theme === "light" || theme === "dark") return { widget, state, theme };
  if (rawTheme === null || theme === "" || theme === "system") return { widget, state, theme: "system" };
  return {
    widget,
    state,
    theme: "system",
    themeMessage: `Ignored theme=${JSON.stringify(rawTheme.length > 20 ? `${rawTheme.slice(0, 20)}…` : rawTheme)}: it must be light or dark; following the system's colours.`,
  };
}
