import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ThemeToggle } from "./ThemeToggle";
import { stubColorScheme } from "./testing";
import { THEME_STORAGE_KEY } from "./theme";

const root = document.documentElement;

beforeEach(() => {
  window.localStorage.clear();
  delete root.dataset.theme;
  delete root.dataset.themeChoice;
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function radio(name: "Light" | "Dark" | "System") {
  return screen.getByRole("radio", { name }) as HTMLInputElement;
}

describe("ThemeToggle", () => {
  it("starts on System and follows the operating system's preference", () => {
    stubColorScheme(true);
    render(<ThemeToggle />);
    expect(radio("System").checked).toBe(true);
    expect(root.dataset.theme).toBe("dark");
  });

  it("sets data-theme on <html> and stores the choice", () => {
    stubColorScheme(false);
    render(<ThemeToggle />);
    fireEvent.click(radio("Dark"));
    expect(root.dataset.theme).toBe("dark");
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe("dark");
    fireEvent.click(radio("Light"));
    expect(root.dataset.theme).toBe("light");
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe("light");
  });

  it("restores a stored choice on the next visit, even against the system preference", () => {
    stubColorScheme(true);
    window.localStorage.setItem(THEME_STORAGE_KEY, "light");
    render(<ThemeToggle />);
    expect(radio("Light").checked).toBe(true);
    expect(root.dataset.theme).toBe("light");
  });

  it("ignores a hand-edited stored value", () => {
    stubColorScheme(false);
    window.localStorage.setItem(THEME_STORAGE_KEY, "purple");
    render(<ThemeToggle />);
    expect(radio("System").checked).toBe(true);
    expect(root.dataset.theme).toBe("light");
  });

  it("tracks live system changes only while System is chosen", () => {
    const scheme = stubColorScheme(false);
    render(<ThemeToggle />);
    scheme.setPrefersDark(true);
    expect(root.dataset.theme).toBe("dark");
    fireEvent.click(radio("Light"));
    expect(scheme.listenerCount()).toBe(0);
    scheme.setPrefersDark(false);
    scheme.setPrefersDark(true);
    expect(root.dataset.theme).toBe("light");
  });

  it("still switches theme when storage throws on write", () => {
    stubColorScheme(false);
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("Quota exceeded", "QuotaExceededError");
    });
    render(<ThemeToggle />);
    fireEvent.click(radio("Dark"));
    expect(radio("Dark").checked).toBe(true);
    expect(root.dataset.theme).toBe("dark");
  });

  it("works without matchMedia (treated as a light preference)", () => {
    vi.stubGlobal("matchMedia", undefined);
    render(<ThemeToggle />);
    expect(root.dataset.theme).toBe("light");
  });
});
