/** Three decimals with a true minus sign, so columns of signed terms line up and read as maths. */
export function formatTerm(value: number): string {
  const text = value.toFixed(3);
  return (text === "-0.000" ? "0.000" : text).replace("-", "−");
}

/** A difference that should be rounding only: "0" when exact, else e.g. "2.2 × 10⁻¹⁶". */
export function formatDifference(value: number): string {
  if (value === 0) return "0";
  const [mantissa, exponent] = Math.abs(value).toExponential(1).split("e");
  const superscript = exponent
    .replace("+", "")
    .replace(/[-0-9]/g, (c) => "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"["-0123456789".indexOf(c)]);
  return `${value < 0 ? "−" : ""}${mantissa} × 10${superscript}`;
}
