/**
 * Progress for the CLI: a redrawn bar on a terminal, a plain line per phase (and at most every 10 s) otherwise.
 * Within a phase the share done comes from DuckDB's own query progress, polled while a statement runs.
 */
import { formatBar, formatLine, type ProgressSnapshot } from './domain/progress.js';

export interface ProgressSource {
  readonly progress: { readonly percentage: number };
}

export interface ProgressOptions {
  readonly write: (text: string) => void;
  readonly tty: boolean;
  /** Phases in order with their share of the whole job (weights; normalised). */
  readonly plan: readonly (readonly [string, number])[];
  readonly totalUnits: number | null;
  readonly unit: string;
  readonly source?: ProgressSource;
  readonly now?: () => number;
  readonly pollMs?: number;
}

export class ProgressReporter {
  private readonly started: number;
  private readonly total: number;
  private current = -1;
  private within = 0;
  private label = '';
  private timer: NodeJS.Timeout | null = null;
  private lastLine = 0;
  private readonly now: () => number;

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? Date.now;
    this.started = this.now();
    this.total = options.plan.reduce((sum, [, w]) => sum + w, 0) || 1;
    if (options.source) {
      this.timer = setInterval(() => this.poll(), options.pollMs ?? 250);
      this.timer.unref();
    }
  }

  /** Enter a phase by name (phases not in the plan are shown but do not move the bar). */
  phase(name: string, label = name): void {
    const index = this.options.plan.findIndex(([n]) => n === name);
    if (index >= 0 && index !== this.current) {
      this.current = index;
      this.within = 0;
    }
    this.label = label;
    this.render(true);
  }

  /** Share done within the current phase, 0..1 (never goes back). */
  advance(fraction: number): void {
    this.within = Math.max(this.within, Math.min(1, Math.max(0, fraction)));
    this.render(false);
  }

  snapshot(): ProgressSnapshot {
    const before = this.options.plan.slice(0, Math.max(0, this.current)).reduce((sum, [, w]) => sum + w, 0);
    const weight = this.current >= 0 ? (this.options.plan[this.current]?.[1] ?? 0) : 0;
    return {
      phase: this.label,
      fraction: Math.min(1, (before + weight * this.within) / this.total),
      elapsedMs: this.now() - this.started,
      totalUnits: this.options.totalUnits,
      unit: this.options.unit,
    };
  }

  finish(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.options.tty) this.options.write('\r\u001b[2K');
  }

  private poll(): void {
    const percentage = this.options.source?.progress.percentage ?? -1;
    if (percentage >= 0) this.advance(percentage / 100);
  }

  private render(phaseChanged: boolean): void {
    const s = this.snapshot();
    if (this.options.tty) {
      this.options.write(`\r\u001b[2K${formatBar(s)}`);
      return;
    }
    const t = this.now();
    if (phaseChanged || t - this.lastLine >= 10_000) {
      this.lastLine = t;
      this.options.write(`${formatLine(s)}\n`);
    }
  }
}
