/**
 * Paired batches: a subject and its baseline are timed (CPU time) in adjacent batches of the same size, round after round
 * (the order alternates), and the ratio of each round's pair is kept. The median ratio over the rounds is the
 * figure: a pause of the machine (another process, the garbage collector) spoils one round, not the result, and
 * both sides of a pair see the same machine state.
 */

/** How long one measurement takes. */
export interface PairSettings {
  /** Rounds per pair. */
  readonly rounds: number;
  /** Target duration of one batch, in ms; the batch size is calibrated to it on the slower of the two. */
  readonly batchMs: number;
}

/** One measured pair. */
export interface PairMeasurement {
  /** Median time per call of the subject, in µs. */
  readonly subjectMicroseconds: number;
  /** Median time per call of the baseline, in µs. */
  readonly baselineMicroseconds: number;
  /** Median over the rounds of subject time / baseline time. */
  readonly ratio: number;
}

/** Keeps results alive, so that the engine cannot drop the measured calls as dead code. */
let sink: unknown;

/** What the sink last held (printed once, so it is observably used). */
export const sinkType = (): string => typeof sink;

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/**
 * CPU time of `calls` calls of `run`, in ms: the process's user and system time, not the wall clock, so that other
 * processes on a shared machine (CI runners, parallel builds) do not count. Helper threads count (V8's concurrent
 * garbage collection is part of the cost).
 */
function timeBatch(run: () => unknown, calls: number): number {
  const start = process.cpuUsage();
  for (let call = 0; call < calls; call++) sink = run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** How many calls of the slower function fill one batch (at least 1). */
function calibrate(subject: () => unknown, baseline: () => unknown, batchMs: number): number {
  let calls = 1;
  for (;;) {
    const slower = Math.max(timeBatch(subject, calls), timeBatch(baseline, calls));
    if (slower >= batchMs / 4 || calls >= 1 << 24) return Math.max(1, Math.round((calls * batchMs) / Math.max(slower, 1e-3)));
    calls *= 4;
  }
}

/** Measures `subject` against `baseline` in paired batches. */
export function measurePair(subject: () => unknown, baseline: () => unknown, settings: PairSettings): PairMeasurement {
  // Warm-up: both functions optimized before anything counts.
  const calls = calibrate(subject, baseline, settings.batchMs);
  timeBatch(subject, calls);
  timeBatch(baseline, calls);
  const subjectTimes: number[] = [];
  const baselineTimes: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < settings.rounds; round++) {
    let subjectMs: number;
    let baselineMs: number;
    if (round % 2 === 0) {
      subjectMs = timeBatch(subject, calls);
      baselineMs = timeBatch(baseline, calls);
    } else {
      baselineMs = timeBatch(baseline, calls);
      subjectMs = timeBatch(subject, calls);
    }
    subjectTimes.push((subjectMs * 1000) / calls);
    baselineTimes.push((baselineMs * 1000) / calls);
    ratios.push(subjectMs / Math.max(baselineMs, 1e-6));
  }
  return { subjectMicroseconds: median(subjectTimes), baselineMicroseconds: median(baselineTimes), ratio: median(ratios) };
}
