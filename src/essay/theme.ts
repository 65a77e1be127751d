/**
 * The reader's colour theme: an explicit "light" or "dark", or "system" to follow
 * `prefers-color-scheme`. The choice is kept in localStorage; the resolved theme is written to
 * `<html data-theme>` where theme.css picks it up. Storage and matchMedia can both be missing or
 * throw (private modes, sandboxed iframes, jsdom), so every access is guarded and falls back to
 * "system" rather than failing to render.
 */
export type ThemeChoice = "light" | "dark" | "system";
export type ResolvedTheme = "light" | "dark";

export const THEME_STORAGE_KEY = "dw-theme";
export const THEME_CHOICES: readonly ThemeChoice[] = ["light", "dark", "system"];

const DARK_QUERY = "(prefers-color-scheme: dark)";

function isThemeChoice(value: unknown): value is ThemeChoice {
  return value === "light" || value === "dark" || value === "system";
}

/** The stored choice, or "system" when nothing valid is stored or storage is unavailable. */
export function readThemeChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(stored) ? stored : "system";
  } catch {
    return "system";
  }
}

/** Persist the choice; returns false when storage refused (the theme still applies this visit). */
export function storeThemeChoice(choice: ThemeChoice): boolean {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, choice);
    return true;
  } catch {
    return false;
  }
}

function darkQuery(): MediaQueryList | null {
  try {
    return typeof window.matchMedia === "function" ? window.matchMedia(DARK_QUERY) : null;
  } catch {
    return null;
  }
}

export function systemPrefersDark(): boolean {
  return darkQuery()?.matches ?? false;
}

export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): ResolvedTheme {
  if (choice === "system") return prefersDark ? "dark" : "light";
  return choice;
}

/** Write the resolved theme to `data-theme` (and the raw choice to `data-theme-choice`). */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): ResolvedTheme {
  const resolved = resolveTheme(choice, systemPrefersDark());
  root.dataset.theme = resolved;
  root.dataset.themeChoice = choice;
  return resolved;
}

/** Call `onChange` when the operating system switches between light and dark; returns unsubscribe. */
export function watchSystemTheme(onChange: () => void): () => void {
  const query = darkQuery();
  if (!query || typeof query.addEventListener !== "function") return () => {};
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}
