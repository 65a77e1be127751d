/**
 * Test helpers for the essay's component tests: a stand-in for the AttentionExplorer widget (the
 * essay is tested on its own; the widget has its own tests) and a controllable matchMedia.
 */
import { vi } from "vitest";

export function FakeAttentionExplorer({ id, initialText }: { id: string; initialText?: string }) {
  return <div data-testid="attention-explorer" data-id={id} data-initial-text={initialText} />;
}

/** Install a matchMedia whose `(prefers-color-scheme: dark)` answer can be flipped by the test. */
export function stubColorScheme(prefersDark: boolean) {
  const listeners = new Set<() => void>();
  const state = { prefersDark };
  vi.stubGlobal("matchMedia", (query: string) => ({
    media: query,
    get matches() {
      return query === "(prefers-color-scheme: dark)" && state.prefersDark;
    },
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  }));
  return {
    setPrefersDark(next: boolean) {
      state.prefersDark = next;
      for (const listener of listeners) listener();
    },
    listenerCount: () => listeners.size,
  };
}
