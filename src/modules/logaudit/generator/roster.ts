/**
 * Who works when and where. A shift is a pure function of (seed, person, day), so the misuse planner can ask
 * "is this nurse at work on day 12, and when" without simulating anything. Nurses rotate day/evening/night
 * shifts, some only nights; physicians work weekdays and take turns on call (evening, night and weekends) for
 * their clinic; office staff work weekdays; laboratory and imaging staff rotate with fewer nights.
 */
import type { Department, StaffMember } from './model.js';
import { hashFloat, hashKeys } from './rng.js';

export type ShiftKind = 'D' | 'E' | 'N' | 'O' | 'V';

export interface Shift {
  readonly kind: ShiftKind;
  /** Seconds after local midnight of the shift's day; `end` may pass midnight. */
  readonly start: number;
  readonly end: number;
  /** The unit worked in. */
  readonly unit: number;
}

const H = 3600;

interface OnCallGroup {
  readonly members: number[];
  readonly perDay: number;
  readonly offset: number;
}

export class Roster {
  private readonly groups = new Map<string, OnCallGroup>();
  private readonly groupOf: (OnCallGroup | null)[];
  private readonly position: number[];
  private readonly wardsBySite = new Map<number, number[]>();

  constructor(
    private readonly seed: number,
    private readonly staff: readonly StaffMember[],
    private readonly departments: readonly Department[],
  ) {
    const keys = staff.map((member) => this.onCallGroupKey(member));
    const lists = new Map<string, number[]>();
    keys.forEach((key, i) => {
      if (!key) return;
      const list = lists.get(key) ?? [];
      list.push(i);
      lists.set(key, list);
    });
    for (const [key, members] of lists) {
      let h = 0;
      for (let i = 0; i < key.length; i += 1) h = Math.imul(h, 31) + key.charCodeAt(i);
      this.groups.set(key, {
        members,
        perDay: Math.max(1, Math.round(members.length / 25)),
        offset: hashKeys(this.seed, h, 17) % members.length,
      });
    }
    this.position = staff.map(() => -1);
    this.groupOf = keys.map((key) => (key ? (this.groups.get(key) ?? null) : null));
    for (const group of this.groups.values()) group.members.forEach((m, i) => (this.position[m] = i));
    for (const d of departments) {
      if (d.fn !== 'ward') continue;
      const list = this.wardsBySite.get(d.site) ?? [];
      list.push(d.index);
      this.wardsBySite.set(d.site, list);
    }
  }

  private onCallGroupKey(member: StaffMember): string | null {
    if (member.role !== 'physician' || member.pattern !== 'physician') return null;
    const home = this.departments[member.home];
    if (!home) return null;
    if (home.fn === 'icu') return `${member.site}:icu`;
    if (home.fn === 'radiology') return `${member.site}:rad`;
    if (home.fn === 'pathology') return null;
    return home.clinic ? `${member.site}:${home.clinic}` : null;
  }

  /** The physicians on call for a group on a day (one per ~25 physicians in the group), in rotation. */
  onCallMembers(key: string, day: number): number[] {
    const group = this.groups.get(key);
    if (!group) return [];
    const n = group.members.length;
    const out: number[] = [];
    for (let j = 0; j < group.perDay; j += 1)
      out.push(group.members[mod(day * group.perDay + j + group.offset, n)] as number);
    return out;
  }

  /** All on-call groups of a site (for choosing cross-cover at night). */
  groupKeys(site: number): string[] {
    return [...this.groups.keys()].filter((key) => key.startsWith(`${site}:`));
  }

  isOnCall(member: StaffMember, day: number): boolean {
    const group = this.groupOf[member.index];
    if (!group) return false;
    const n = group.members.length;
    return mod((this.position[member.index] as number) - day * group.perDay - group.offset, n) < group.perDay;
  }

  isEmployed(member: StaffMember, day: number): boolean {
    if (member.firstDay !== null && day < member.firstDay) return false;
    if (member.lastDay !== null && day > member.lastDay) return false;
    return true;
  }

  shiftOf(member: StaffMember, day: number, weekend: boolean): Shift | null {
    if (!this.isEmployed(member, day)) return null;
    const roll = hashFloat(this.seed, member.index, day, 1);
    const kindRoll = hashFloat(this.seed, member.index, day, 2);
    const preference = hashFloat(this.seed, member.index, 3);
    switch (member.pattern) {
      case 'rotating': {
        if (roll >= (weekend ? 0.4 : 0.56)) return null;
        const dayShare = 0.35 + 0.25 * preference;
        const kind: ShiftKind = kindRoll < dayShare ? 'D' : kindRoll < dayShare + 0.38 ? 'E' : 'N';
        return this.nursingShift(member, day, kind);
      }
      case 'night':
        return roll < 0.42 ? this.nursingShift(member, day, 'N') : null;
      case 'er-physician': {
        if (roll >= (weekend ? 0.45 : 0.5)) return null;
        const kind: ShiftKind = kindRoll < 0.45 ? 'D' : kindRoll < 0.8 ? 'E' : 'N';
        return this.nursingShift(member, day, kind);
      }
      case 'diagnostic': {
        if (roll >= (weekend ? 0.3 : 0.62)) return null;
        const kind: ShiftKind = kindRoll < 0.6 ? 'D' : kindRoll < 0.85 ? 'E' : 'N';
        const times = { D: [7.5 * H, 15.5 * H], E: [15 * H, 23 * H], N: [23 * H, 31.5 * H] } as const;
        const [start, end] = times[kind as 'D' | 'E' | 'N'];
        return { kind, start, end, unit: member.home };
      }
      case 'office': {
        if (weekend || roll >= 0.9) return null;
        const start = member.officeStart + Math.round((kindRoll - 0.3) * 1800);
        return { kind: 'O', start, end: start + 7.75 * H + Math.round(preference * 1800), unit: member.home };
      }
      case 'physician': {
        if (this.isOnCall(member, day)) return { kind: 'V', start: 8 * H, end: 32 * H, unit: member.home };
        if (this.isOnCall(member, day - 1) && roll < 0.7) return null;
        if (weekend || roll >= 0.88) return null;
        // Ward physicians spend some days in the outpatient clinic and the other way round.
        const homeFn = this.departments[member.home]?.fn;
        const wanted = homeFn === 'outpatient' ? 'ward' : 'outpatient';
        const away = member.serves.filter((u) => this.departments[u]?.fn === wanted);
        const unit =
          away.length > 0 && kindRoll < (homeFn === 'outpatient' ? 0.25 : 0.3)
            ? (away[Math.floor(kindRoll * 1000) % away.length] as number)
            : member.home;
        return { kind: 'D', start: 8 * H, end: 16 * H, unit };
      }
      case 'none':
        return null;
    }
  }

  private nursingShift(member: StaffMember, day: number, kind: ShiftKind): Shift {
    let unit = member.home;
    if (this.departments[member.home]?.fn === 'pool') {
      const wards = this.wardsBySite.get(member.site) ?? [member.home];
      unit = wards[Math.floor(hashFloat(this.seed, member.index, day, 4) * wards.length)] ?? member.home;
    }
    if (kind === 'D') return { kind, start: 7 * H, end: 15 * H, unit };
    if (kind === 'E') return { kind, start: 14.75 * H, end: 22.5 * H, unit };
    return { kind, start: 22.25 * H, end: 31.5 * H, unit };
  }
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
