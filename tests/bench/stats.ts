/** Small measuring helpers for the benchmark. */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface Distribution {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Percentiles of a list of durations (nearest rank). */
export function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? 0, mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length) };
}

/**
 * Runs `work` while watching this thread's event loop: returns the work's
 * result and the longest time the loop could not turn (how long a window
 * talking to this process would have waited), in ms.
 */
export async function watchingTheLoop<T>(work: () => Promise<T>): Promise<{ value: T; blockedMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  try {
    const value = await work();
    return { value, blockedMs: histogram.max / 1e6 };
  } finally {
    histogram.disable();
  }
}

/** Frees what can be freed, when node runs with --expose-gc. */
export function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Peak resident memory of this process so far, in MB. */
export const peakRssMb = (): number => (process.resourceUsage().maxRSS * 1024) / 1e6;

export const mb = (bytes: number): number => bytes / 1e6;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
