import { useEffect, useId, useState } from "react";
import {
  applyTheme,
  readThemeChoice,
  storeThemeChoice,
  THEME_CHOICES,
  type ThemeChoice,
  watchSystemTheme,
} from "./theme";

const LABELS: Record<ThemeChoice, string> = { light: "Light", dark: "Dark", system: "System" };

/** Light / dark / system, as a radio group: native keyboard behaviour and one announced choice. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(readThemeChoice);
  const name = useId();

  useEffect(() => {
    applyTheme(choice);
    if (choice !== "system") return;
    // Following the system means following it live, not only at load.
    return watchSystemTheme(() => applyTheme("system"));
  }, [choice]);

  function choose(next: ThemeChoice) {
    setChoice(next);
    storeThemeChoice(next);
  }

  return (
    <fieldset className="theme-toggle">
      <legend>Theme</legend>
      {THEME_CHOICES.map((option) => (
        <label key={option} className="theme-option">
          <input
            type="radio"
            name={name}
            value={option}
            checked={choice === option}
            onChange={() => choose(option)}
          />
          <span>{LABELS[option]}</span>
        </label>
      ))}
    </fieldset>
  );
}
