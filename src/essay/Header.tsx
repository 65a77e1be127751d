import { ThemeToggle } from "./ThemeToggle";

export function Header() {
  return (
    <header className="essay-header column-layout">
      <div className="header-bar">
        <ThemeToggle />
      </div>
      <h1>Dynamic Weights</h1>
      <p className="subtitle">
        A fixed layer multiplies by numbers it learned once. Attention computes the numbers it multiplies by
        from the input itself. Is that a difference in kind?
      </p>
    </header>
  );
}
