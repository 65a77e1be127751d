const SUPERSCRIPT: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

/** A difference as the figure prints it: exactly "0", else two significant digits, e.g. "3.1 × 10⁻⁷". */
export function formatDifference(value: number): string {
  if (value === 0) return "0";
  if (!Number.isFinite(value)) return "not a number";
  if (value >= 0.01) return value.toFixed(3);
  const [mantissa, exponent] = value.toExponential(1).split("e");
  const power = Number(exponent)
    .toString()
    .replace(/[-0-9]/g, (c) => SUPERSCRIPT[c]);
  return `${mantissa} × 10${power}`;
}

/** A prediction, weight or loss to 4 decimals, with a true minus sign. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return "not a number";
  return value.toFixed(4).replace("-", "−");
}

/** Labels x1…xd of a d-dimensional input ("x" when d = 1). */
export function inputLabels(d: number): string[] {
  return d === 1 ? ["x"] : Array.from({ length: d }, (_, a) => `x${a + 1}`);
}
