import { useEffect, useState } from "react";

/**
 * The id of the section the reader is reading: the last of `ids` whose top has crossed a reading
 * line 30% down the viewport. Null above the first section, or without IntersectionObserver.
 */
export function useActiveSection(ids: readonly string[]): string | null {
  const [active, setActive] = useState<string | null>(null);
  const key = ids.join("\u0000");

  useEffect(() => {
    const sections = key
      .split("\u0000")
      .map((id) => document.getElementById(id))
      .filter((el): el is HTMLElement => el !== null);
    if (sections.length === 0 || typeof IntersectionObserver === "undefined") return;
    // Recomputed from geometry on every crossing, so fast scrolls and jumps stay right.
    const update = () => {
      const line = window.innerHeight * 0.3;
      let current: string | null = null;
      for (const section of sections) if (section.getBoundingClientRect().top <= line) current = section.id;
      setActive(current);
    };
    const observer = new IntersectionObserver(update, { rootMargin: "-30% 0px -69% 0px" });
    for (const section of sections) observer.observe(section);
    update();
    return () => observer.disconnect();
  }, [key]);

  return active;
}
