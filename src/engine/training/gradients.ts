/**
 * Registers tfjs's gradient functions (tfjs-core alone registers none; the `@tensorflow/tfjs`
 * bundle would do it for us). Training needs them; the essay's forward-only figures do not, so
 * they are imported here, lazily, by whoever starts a trainer. Idempotent.
 */
export async function registerGradients(): Promise<void> {
  await import("@tensorflow/tfjs-core/dist/register_all_gradients");
}
