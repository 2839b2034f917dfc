/**
 * An in-process runner for background jobs (analysis runs): one job at a time, in the order queued. The job's state
 * lives in its database row (status, phase, progress), which the UI polls; nothing survives a restart, so runs
 * left queued or running are marked failed when the server starts (failInterruptedRuns).
 */
export class JobRunner {
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Queues `job`; returns at once. */
  enqueue(job: () => Promise<void>): void {
    this.pending++;
    this.queue = this.queue
      .then(job)
      .catch((error: unknown) => this.onError(error))
      .finally(() => {
        this.pending--;
      });
  }

  get size(): number {
    return this.pending;
  }

  /** Resolves when every queued job has finished (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.pending > 0) await this.queue;
  }
}
