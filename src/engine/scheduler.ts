/**
 * A latest-wins job runner for the drag loop: pointer events submit inputs as fast as they come,
 * but only one job runs at a time, and while it runs only the newest input waits (older ones are
 * dropped, never queued). Every submission gets an increasing generation number so the caller can
 * tell which input a result belongs to.
 */
export interface LatestWins<I> {
  /** Queues `input` (replacing any waiting input) and returns its generation. */
  submit(input: I): number;
  /** Stops delivery: no result or error is reported afterwards, and the waiting input is dropped. */
  dispose(): void;
  /** True while a job is running. */
  inFlight(): boolean;
}

/**
 * Creates a latest-wins runner around `run`. Results arrive through `onResult(result, generation)`
 * in increasing generation order; a result older than one already delivered is dropped. A failed
 * job reports through `onError` (if given) and the runner carries on with the newest input.
 * Pure and tfjs-free: `run` can be any async function.
 */
export function createLatestWins<I, R>(
  run: (input: I) => Promise<R>,
  onResult: (result: R, generation: number) => void,
  onError?: (error: unknown, generation: number) => void,
): LatestWins<I> {
  let lastGeneration = 0;
  let newestDelivered = 0;
  let running = false;
  let disposed = false;
  let waiting: { input: I; generation: number } | null = null;

  // A listener that throws must not stall the loop; it is reported like a failed job.
  const report = (error: unknown, generation: number): void => {
    if (onError) onError(error, generation);
    else
      queueMicrotask(() => {
        throw error;
      });
  };

  const start = async (input: I, generation: number): Promise<void> => {
    running = true;
    try {
      const result = await run(input);
      if (!disposed && generation > newestDelivered) {
        newestDelivered = generation;
        onResult(result, generation);
      }
    } catch (error) {
      if (!disposed) report(error, generation);
    } finally {
      running = false;
      const next = waiting;
      waiting = null;
      if (next && !disposed) void start(next.input, next.generation);
    }
  };

  return {
    submit(input: I): number {
      lastGeneration += 1;
      if (disposed) return lastGeneration;
      if (running) waiting = { input, generation: lastGeneration };
      else void start(input, lastGeneration);
      return lastGeneration;
    },
    dispose(): void {
      disposed = true;
      waiting = null;
    },
    inFlight(): boolean {
      return running;
    },
  };
}
