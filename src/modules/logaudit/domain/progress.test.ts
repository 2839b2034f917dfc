import { describe, expect, it } from 'vitest';
import { etaMs, formatBar, formatCount, formatDuration, formatLine } from './progress.js';

describe('progress formatting', () => {
  const snapshot = {
    phase: 'ingest: store',
    fraction: 0.25,
    elapsedMs: 10_000,
    totalUnits: 4_000_000,
    unit: 'lookups',
  };
  it('draws a bar with share, rate and time left', () => {
    expect(formatBar(snapshot, 8)).toBe('[##------]  25 %  ingest: store  100 k lookups/s  ETA 0:30');
  });
  it('writes a plain line when not on a terminal', () => {
    expect(formatLine(snapshot)).toBe('progress:  25 %, ingest: store, 100 k lookups/s, ETA 0:30');
  });
  it('shows elapsed time while the pace is unknown, and no rate without a total', () => {
    expect(formatLine({ ...snapshot, fraction: 0, totalUnits: null, elapsedMs: 65_000 })).toBe(
      'progress:   0 %, ingest: store, 1:05 elapsed',
    );
  });
  it('formats durations, counts and time left', () => {
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(59_400)).toBe('0:59');
    expect(formatCount(1_250_000)).toBe('1.3 M');
    expect(formatCount(950)).toBe('950');
    expect(etaMs(10_000, 0.5)).toBe(10_000);
    expect(etaMs(10_000, 1)).toBeNull();
  });
});
