import { describe, expect, it } from 'vitest';
import { hashKeys, Rng, WeightedPicker } from './rng.js';
import { parseScale } from './scale.js';
import { Calendar, OsloFormatter, osloOffsetMinutes } from './time.js';

describe('Oslo time', () => {
  const calendar = new Calendar('2026-03-01');
  const format = new OsloFormatter();

  it('switches to summer time on the last Sunday of March and back in October', () => {
    expect(osloOffsetMinutes(Date.parse('2026-03-29T00:59:59Z'))).toBe(60);
    expect(osloOffsetMinutes(Date.parse('2026-03-29T01:00:00Z'))).toBe(120);
    expect(osloOffsetMinutes(Date.parse('2026-10-25T00:59:59Z'))).toBe(120);
    expect(osloOffsetMinutes(Date.parse('2026-10-25T01:00:00Z'))).toBe(60);
    expect(osloOffsetMinutes(Date.parse('2025-03-30T01:00:00Z'))).toBe(120);
  });

  it('maps local wall-clock times to instants across the spring gap', () => {
    const dst = 28; // 2026-03-29
    expect(calendar.day(dst).date).toBe('2026-03-29');
    expect(format.format(calendar.at(dst, 1.5 * 3600))).toBe('2026-03-29T01:30:00+01:00');
    // 02:30 does not exist that night: a clock shows 03:30 summer time.
    expect(format.format(calendar.at(dst, 2.5 * 3600))).toBe('2026-03-29T03:30:00+02:00');
    expect(format.format(calendar.at(dst, 12 * 3600))).toBe('2026-03-29T12:00:00+02:00');
    // A night shift running past midnight.
    expect(format.format(calendar.at(27, 30 * 3600))).toBe('2026-03-29T06:00:00+02:00');
    expect(calendar.dayOf(calendar.at(dst, 23 * 3600 + 3599))).toBe(dst);
    expect(calendar.dayOf(calendar.at(dst + 1, 0))).toBe(dst + 1);
  });

  it('knows weekdays and rejects impossible dates', () => {
    expect(calendar.day(0).weekday).toBe(0);
    expect(calendar.day(0).isWeekend).toBe(true);
    expect(calendar.day(1).isWeekend).toBe(false);
    expect(calendar.day(-1).date).toBe('2026-02-28');
    expect(() => new Calendar('2026-02-30')).toThrow();
    expect(() => new Calendar('1 March')).toThrow();
  });
});

describe('randomness', () => {
  it('is reproducible per seed and key, and differs between keys', () => {
    const a = Rng.keyed(7, 1, 2);
    const b = Rng.keyed(7, 1, 2);
    const c = Rng.keyed(7, 2, 1);
    const seqA = Array.from({ length: 5 }, () => a.nextU32());
    expect(Array.from({ length: 5 }, () => b.nextU32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextU32())).not.toEqual(seqA);
    expect(hashKeys(1, 2, 3)).not.toBe(hashKeys(1, 3, 2));
  });

  it('draws in proportion to weights', () => {
    const picker = new WeightedPicker([1, 0, 3]);
    const rng = new Rng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 8000; i += 1) {
      const index = picker.pick(rng);
      counts[index] = (counts[index] ?? 0) + 1;
    }
    expect(counts[1]).toBe(0);
    expect((counts[2] ?? 0) / (counts[0] ?? 1)).toBeGreaterThan(2.5);
    expect((counts[2] ?? 0) / (counts[0] ?? 1)).toBeLessThan(3.5);
  });
});

describe('parseScale', () => {
  it('accepts suffixes, separators and presets', () => {
    expect(parseScale('400k')).toBe(400_000);
    expect(parseScale('4M')).toBe(4_000_000);
    expect(parseScale('1.5m')).toBe(1_500_000);
    expect(parseScale('250_000')).toBe(250_000);
    expect(parseScale('large')).toBe(20_000_000);
  });

  it('rejects nonsense with the option named', () => {
    expect(() => parseScale('lots')).toThrow(/Invalid scale/);
    expect(() => parseScale('10')).toThrow(/out of range/);
  });
});
