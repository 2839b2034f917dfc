/**
 * Progress of a long job as text: a bar with share done, rate and time left for a terminal, a plain line otherwise.
 * Pure formatting; the reporter in cli-progress.ts decides when to print.
 */

export interface ProgressSnapshot {
  readonly phase: string;
  /** Share of the whole job done, 0..1. */
  readonly fraction: number;
  readonly elapsedMs: number;
  /** Units (e.g. lookups) the whole job covers; null when unknown (no rate is shown). */
  readonly totalUnits: number | null;
  readonly unit: string;
}

/** Time left, assuming the rest goes at the average pace so far; null until there is something to go by. */
export function etaMs(elapsedMs: number, fraction: number): number | null {
  if (!(fraction > 0.01) || fraction >= 1 || elapsedMs < 500) return null;
  return (elapsedMs * (1 - fraction)) / fraction;
}

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export function formatCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} M`;
  if (n >= 1e4) return `${Math.round(n / 1e3)} k`;
  return String(Math.round(n));
}

function rateText(s: ProgressSnapshot): string | null {
  if (s.totalUnits === null || s.elapsedMs < 500 || s.fraction <= 0) return null;
  return `${formatCount((s.totalUnits * s.fraction) / (s.elapsedMs / 1000))} ${s.unit}/s`;
}

function parts(s: ProgressSnapshot): string[] {
  const eta = etaMs(s.elapsedMs, s.fraction);
  return [
    `${String(Math.floor(Math.min(1, Math.max(0, s.fraction)) * 100)).padStart(3)} %`,
    s.phase,
    rateText(s),
    eta === null ? `${formatDuration(s.elapsedMs)} elapsed` : `ETA ${formatDuration(eta)}`,
  ].filter((p): p is string => p !== null);
}

export function formatBar(s: ProgressSnapshot, width = 24): string {
  const filled = Math.round(Math.min(1, Math.max(0, s.fraction)) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${parts(s).join('  ')}`;
}

export function formatLine(s: ProgressSnapshot): string {
  return `progress: ${parts(s).join(', ')}`;
}
