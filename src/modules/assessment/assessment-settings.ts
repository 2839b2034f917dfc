/**
 * The assessment module's one setting, read and checked once at start: VARDE_MIN_GROUP_SIZE, the k of
 * k-anonymity (default 5). No published aggregate covers fewer enterprises. Refuses to start on a bad value.
 */
import { AppError } from '../../platform/errors.js';

export interface AssessmentSettings {
  readonly minGroupSize: number;
}

export const defaultMinGroupSize = 5;

export function readAssessmentSettings(env: Readonly<Record<string, string | undefined>>): AssessmentSettings {
  const raw = env.VARDE_MIN_GROUP_SIZE;
  if (raw === undefined || raw === '') return { minGroupSize: defaultMinGroupSize };
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 3 || value > 25) {
    throw new AppError('CONFIG_INVALID', `VARDE_MIN_GROUP_SIZE must be a whole number from 3 to 25, got "${raw}"`, [
      { field: 'VARDE_MIN_GROUP_SIZE', message: 'not a valid group size' },
    ]);
  }
  return { minGroupSize: value };
}
