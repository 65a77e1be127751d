/**
 * Attribute writes that skip unchanged values. A drag updates the plane ~3 times a frame; most
 * of its 64-token figure does not change, and every needless setAttribute costs a style
 * invalidation (and, for aria-*, an accessibility-tree update). Each writer remembers the last
 * string it wrote per element and attribute, so comparing costs no DOM read.
 */
export interface PlaneWriter {
  /** Sets (or, with null, removes) `name` unless this writer last wrote the same value. */
  attr(el: Element, name: string, value: string | null): void;
  /** Sets textContent unless this writer last wrote the same text. */
  text(el: Element, value: string): void;
}

export function createPlaneWriter(): PlaneWriter {
  const written = new WeakMap<Element, Map<string, string | null>>();
  const cacheOf = (el: Element) => {
    let cache = written.get(el);
    if (!cache) {
      cache = new Map();
      written.set(el, cache);
    }
    return cache;
  };
  return {
    attr(el, name, value) {
      const cache = cacheOf(el);
      if (cache.has(name) && cache.get(name) === value) return;
      cache.set(name, value);
      if (value === null) el.removeAttribute(name);
      else el.setAttribute(name, value);
    },
    text(el, value) {
      const cache = cacheOf(el);
      if (cache.get("#text") === value) return;
      cache.set("#text", value);
      el.textContent = value;
    },
  };
}

/**
 * Remembers the inputs each part of the figure was last drawn from. `changed(slot, deps)` is
 * true (and records `deps`) when any dependency differs by identity from the last call for
 * that slot: matrices are compared by reference, numbers by value.
 */
export function createChangeTracker(): (slot: string, deps: readonly unknown[]) => boolean {
  const seen = new Map<string, readonly unknown[]>();
  return (slot, deps) => {
    const prev = seen.get(slot);
    if (prev && prev.length === deps.length && prev.every((d, i) => Object.is(d, deps[i]))) return false;
    seen.set(slot, deps);
    return true;
  };
}
