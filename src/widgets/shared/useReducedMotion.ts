import { useEffect, useState } from "react";

const QUERY = "(prefers-reduced-motion: reduce)";

/** True when the reader asked the system for less motion; follows changes live. */
export function useReducedMotion(): boolean {
  const media = typeof window !== "undefined" && window.matchMedia ? window.matchMedia(QUERY) : null;
  const [reduced, setReduced] = useState(() => media?.matches ?? false);
  useEffect(() => {
    if (!media) return;
    const onChange = () => setReduced(media.matches);
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, [media]);
  return reduced;
}
