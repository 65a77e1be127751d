import { createContext, useContext } from "react";
import { type Engine, pageEngine, parseBackendParam } from "../../engine";

const EngineContext = createContext<Engine | null>(null);

/** Hands widgets an engine other than the page's (tests give one that computes with src/core). */
export const EngineProvider = EngineContext.Provider;

/**
 * The engine a widget computes with: the provided one, else the page's shared engine, which
 * honours `?backend=` in the address. Creating it loads nothing; tfjs loads on the first compute.
 */
export function useEngine(): Engine {
  const provided = useContext(EngineContext);
  if (provided) return provided;
  const search = typeof location === "undefined" ? "" : location.search;
  return pageEngine(parseBackendParam(search));
}
