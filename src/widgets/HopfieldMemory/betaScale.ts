/**
 * The β sliders are linear in log β, because β matters by orders of magnitude: position
 * 0 … BETA_STEPS spans BETA_MIN … BETA_MAX (0.01 … 20 in both Hopfield figures).
 */
export const BETA_STEPS = 200;
const BETA_MIN = 0.01;
const BETA_MAX = 20;
const LOG_MIN = Math.log10(BETA_MIN);
const LOG_SPAN = Math.log10(BETA_MAX) - LOG_MIN;

export const betaToSlider = (beta: number) =>
  Math.round(((Math.log10(beta) - LOG_MIN) / LOG_SPAN) * BETA_STEPS);
export const sliderToBeta = (position: number) => 10 ** (LOG_MIN + (position / BETA_STEPS) * LOG_SPAN);
export const formatBeta = (beta: number) => (beta < 1 ? beta.toFixed(3) : beta.toFixed(2));
