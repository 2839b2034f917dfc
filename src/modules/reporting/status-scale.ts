/**
 * The status scale's order and colours, and how a measure's status changed from one year to the next. "Stopped" is
 * off the scale: it is neither progress nor a step back on it, and is shown as its own change.
 */
import type { ImplementationStatus } from './types.js';

const rank: Record<ImplementationStatus, number> = {
  'not-started': 0,
  planned: 1,
  'in-progress': 2,
  'in-operation': 3,
  completed: 4,
  stopped: -1,
};

/** Colours for charts (PDF and web), chosen to stay apart for common colour-vision deficiencies. */
export const statusColours: Record<ImplementationStatus, string> = {
  'not-started': '#9aa3ad',
  planned: '#8fb3d9',
  'in-progress': '#2f6f9f',
  'in-operation': '#3a9a5b',
  completed: '#1b5e20',
  stopped: '#c0392b',
};

export type StatusChange = 'new' | 'improved' | 'unchanged' | 'worsened' | 'stopped' | 'missing';

export function statusChange(
  previous: ImplementationStatus | null,
  current: ImplementationStatus | null,
): StatusChange {
  if (current === null) return 'missing';
  if (previous === null) return 'new';
  if (previous === current) return 'unchanged';
  if (current === 'stopped') return 'stopped';
  if (previous === 'stopped') return 'improved';
  return rank[current] > rank[previous] ? 'improved' : 'worsened';
}

/** "In operation" and "completed": the measure is in place. */
export function isInPlace(status: ImplementationStatus | null): boolean {
  return status === 'in-operation' || status === 'completed';
}
