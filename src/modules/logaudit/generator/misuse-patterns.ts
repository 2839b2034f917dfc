/**
 * Misuse recognisable by its shape rather than by who the victim is: a curiosity wave around a patient in the
 * news, bulk browsing, low-and-slow snooping, emergency access without an emergency, a name search that lands on an
 * unrelated patient, evening lookups by a day worker, a stolen account used at night from an odd terminal, and an
 * account still used after its owner left.
 */
import type { StaffMember } from './model.js';
import type { Planner } from './misuse-plan.js';
import { Purpose } from './sink.js';

const H = 3600;

const ordinary = (m: StaffMember): boolean =>
  ['nurse', 'physician', 'secretary', 'other', 'therapist', 'lab', 'radiology', 'pharmacist'].includes(m.role);

/** Small hospitals have smaller sprees: a bulk browser of a 100-person hospital does not read 80 records. */
function sizeCap(p: Planner): number {
  return Math.round(5 + p.staff.length * 0.08);
}

export function planVipWaves(p: Planner): void {
  const { departments } = p.input.hospital;
  const year = Number(p.input.calendar.day(0).date.slice(0, 4));
  for (let w = 0; w < p.count('vip_wave'); w += 1) {
    const site = p.rng.int(p.input.hospital.sites.length);
    let vip = -1;
    for (let attempt = 0; attempt < 200 && vip < 0; attempt += 1) {
      const q = p.input.patients.anyOf(p.rng, site);
      if ((p.population.birthYear[q] as number) <= year - 25 && p.population.employee[q] === -1 && !p.isVictim(q))
        vip = q;
    }
    if (vip < 0) continue;
    // The news subject's only stay is the planned one.
    p.population.reserved[vip] = 1;
    const day = p.rng.range(1, Math.max(1, p.input.days - 4));
    const arrival = (9 + p.rng.int(12)) * H + p.rng.int(H);
    const size = Math.min(150, Math.max(4, Math.round(p.staff.length * 0.012)));
    const avoid = new Set<number>();
    for (let i = 0; i < size; i += 1) {
      const actor = p.pickActor((m) => ordinary(m) && m.site === site && departments[m.home]?.fn !== 'er');
      if (!actor) continue;
      // The first moment at work after the news broke, within two days.
      let slot: { day: number; at: number; unit: number } | null = null;
      for (let d = day; d <= day + 2 && !slot; d += 1) {
        const shift = p.shift(actor, d);
        if (!shift) continue;
        const earliest = d === day ? arrival + 600 + p.rng.exponential(2 * H) : shift.start + p.rng.exponential(2 * H);
        const at = Math.max(earliest, shift.start + 300);
        if (at < shift.end - 300) slot = { day: d, at, unit: shift.unit };
      }
      if (!slot || !p.claim(actor.index, vip)) continue;
      const incident = p.newIncident('vip_wave', actor.index);
      avoid.add(actor.home);
      for (const u of actor.serves) avoid.add(u);
      avoid.add(slot.unit);
      p.add({
        incident: incident.id,
        user: actor.index,
        patient: vip,
        day: slot.day,
        at: slot.at,
        unit: slot.unit,
        searchFirst: p.rng.chance(0.35),
      });
      if (p.rng.chance(0.25))
        p.add({
          incident: incident.id,
          user: actor.index,
          patient: vip,
          day: slot.day,
          at: slot.at + p.rng.range(1200, 4 * H),
          unit: slot.unit,
        });
    }
    if (avoid.size > 0) p.forced.push({ day, sec: arrival, site, patient: vip, avoid: [...avoid] });
  }
}

/** Many unrelated patients within an hour or two: a ward list of another unit, names searched one after another. */
export function planBulk(p: Planner): void {
  for (let i = 0; i < p.count('bulk_curiosity'); i += 1) {
    const actor = p.pickActor(ordinary);
    const slot = actor ? p.workingDay(actor, 0, p.input.days - 1) : null;
    if (!actor || !slot) continue;
    const incident = p.newIncident('bulk_curiosity', actor.index);
    let at = p.timeIn(slot.shift);
    const n = Math.min(p.rng.range(25, 80), sizeCap(p));
    for (let k = 0; k < n; k += 1) {
      if (p.rng.chance(0.6)) {
        p.add({
          incident: incident.id,
          user: actor.index,
          patient: 'inpatient-elsewhere',
          day: slot.day,
          at,
          unit: slot.shift.unit,
        });
      } else {
        const victim = p.strangerOf(actor, p.rng.chance(0.5));
        if (p.claim(actor.index, victim))
          p.add({
            incident: incident.id,
            user: actor.index,
            patient: victim,
            day: slot.day,
            at,
            unit: slot.shift.unit,
            searchFirst: p.rng.chance(0.7),
          });
      }
      at += p.rng.range(20, 150);
    }
  }
}

export function planLowAndSlow(p: Planner): void {
  for (let i = 0; i < p.count('low_and_slow'); i += 1) {
    const actor = p.pickActor(ordinary);
    if (!actor) continue;
    const incident = p.newIncident('low_and_slow', actor.index);
    let day = p.rng.range(0, Math.max(0, Math.floor(p.input.days / 3)));
    const n = p.rng.range(3, 7);
    for (let k = 0; k < n && day < p.input.days; k += 1) {
      const victim = p.strangerOf(actor, p.rng.chance(0.5));
      if (p.claim(actor.index, victim)) p.spread(incident, victim, 1, day, day + 3, { searchFirst: p.rng.chance(0.5) });
      day += p.rng.range(3, 8);
    }
  }
}

/** Emergency access for a patient who has no emergency: the "break the glass" button used as a master key. */
export function planBreakGlass(p: Planner): void {
  const { departments } = p.input.hospital;
  for (let i = 0; i < p.count('break_glass'); i += 1) {
    const actor = p.pickActor(
      (m) => (m.role === 'nurse' || m.role === 'physician') && !['er', 'icu'].includes(departments[m.home]?.fn ?? ''),
    );
    if (!actor) continue;
    const victim = p.strangerOf(actor, p.rng.chance(0.4));
    if (!p.claim(actor.index, victim)) continue;
    const incident = p.newIncident('break_glass', actor.index);
    p.spread(incident, victim, p.rng.range(1, 2), 0, p.input.days - 1, {
      purpose: Purpose.Emergency,
      style: 'review',
      searchFirst: p.rng.chance(0.6),
    });
  }
}

export function planSearches(p: Planner): void {
  for (let i = 0; i < p.count('search_unrelated'); i += 1) {
    const actor = p.pickActor(ordinary);
    if (!actor) continue;
    const incident = p.newIncident('search_unrelated', actor.index);
    for (let k = 0; k < (p.rng.chance(0.3) ? 2 : 1); k += 1) {
      const victim = p.strangerOf(actor, p.rng.chance(0.5));
      if (p.claim(actor.index, victim)) p.spread(incident, victim, 1, 0, p.input.days - 1, { searchFirst: true });
    }
  }
}

/** A day worker reading unrelated records in the evening or at the weekend, often from home. */
export function planAfterHours(p: Planner): void {
  const { departments, remoteHosts } = p.input.hospital;
  for (let i = 0; i < p.count('after_hours'); i += 1) {
    const actor = p.pickActor(
      (m) => m.pattern === 'office' && !['hr', 'finance', 'it'].includes(departments[m.home]?.fn ?? ''),
    );
    if (!actor) continue;
    const incident = p.newIncident('after_hours', actor.index);
    const day = p.rng.range(0, p.input.days - 1);
    const weekend = p.input.calendar.day(day).isWeekend;
    let at = weekend ? (10 + p.rng.int(11)) * H : 19 * H + p.rng.int(4.5 * H);
    const remote = remoteHosts[actor.site] ?? [];
    const workstation =
      remote.length > 0 && p.rng.chance(0.7) ? p.rng.pick(remote) : (actor.workstations[0] ?? remote[0]);
    const n = p.rng.range(2, 6);
    for (let k = 0; k < n; k += 1) {
      const victim = p.strangerOf(actor, p.rng.chance(0.4));
      if (!p.claim(actor.index, victim)) continue;
      p.add({
        incident: incident.id,
        user: actor.index,
        patient: victim,
        day,
        at,
        unit: actor.home,
        searchFirst: p.rng.chance(0.6),
        ...(workstation === undefined ? {} : { workstation }),
      });
      at += p.rng.range(60, 900);
    }
  }
}

/** Someone else's password: at night, from a terminal the owner never uses, many patients quickly. */
export function planStolenCredentials(p: Planner): void {
  const { departments, remoteHosts, workstations } = p.input.hospital;
  for (let i = 0; i < p.count('stolen_credential'); i += 1) {
    const actor = p.pickActor((m) => ordinary(m) || m.pattern === 'office');
    if (!actor) continue;
    const incident = p.newIncident('stolen_credential', actor.index);
    const otherSites = remoteHosts.filter((_, s) => s !== actor.site).flat();
    const foreignPcs = workstations
      .map((w, index) => ({ w, index }))
      .filter(({ w }) => !w.remote && departments[w.department]?.parent !== departments[actor.home]?.parent);
    const roll = p.rng.float();
    const workstation =
      roll < 0.4 && otherSites.length > 0
        ? p.rng.pick(otherSites)
        : roll < 0.7 && foreignPcs.length > 0
          ? p.rng.pick(foreignPcs).index
          : p.rng.pick(remoteHosts[actor.site] ?? otherSites);
    const first = p.rng.range(0, p.input.days - 2);
    const nights = p.rng.chance(0.4) ? 2 : 1;
    for (let night = 0; night < nights; night += 1) {
      let at = 1 * H + p.rng.int(2.5 * H);
      const n = Math.min(p.rng.range(10, 35), Math.ceil(sizeCap(p) / 2));
      for (let k = 0; k < n; k += 1) {
        const style = p.rng.chance(0.15) ? 'archive' : 'browse';
        if (p.rng.chance(0.5)) {
          p.add({
            incident: incident.id,
            user: actor.index,
            patient: 'inpatient-elsewhere',
            day: first + night,
            at,
            unit: actor.home,
            workstation,
            style,
          });
        } else {
          const victim = p.strangerOf(actor, false);
          if (p.claim(actor.index, victim))
            p.add({
              incident: incident.id,
              user: actor.index,
              patient: victim,
              day: first + night,
              at,
              unit: actor.home,
              workstation,
              style,
              searchFirst: p.rng.chance(0.6),
            });
        }
        at += p.rng.range(15, 90);
      }
    }
  }
}

/** The account outlived the employment: lookups days or weeks after the last working day. */
export function planAfterTermination(p: Planner): void {
  const { remoteHosts, departments } = p.input.hospital;
  const leavers = p.staff.filter((m) => m.lastDay !== null && m.lastDay <= p.input.days - 3 && ordinary(m));
  for (let i = 0; i < p.count('after_termination') && leavers.length > 0; i += 1) {
    const actor = p.rng.pick(leavers);
    const lastDay = actor.lastDay as number;
    const incident = p.newIncident('after_termination', actor.index);
    const visits = p.rng.range(1, 3);
    const formerWard = ['ward', 'icu'].includes(departments[actor.home]?.fn ?? '');
    for (let v = 0; v < visits; v += 1) {
      const day = p.rng.range(Math.max(0, lastDay + 2), p.input.days - 1);
      const evening = p.rng.chance(0.5);
      const remote = remoteHosts[actor.site] ?? [];
      const workstation =
        evening && remote.length > 0 ? p.rng.pick(remote) : p.rng.pick(departments[actor.home]?.workstations ?? remote);
      let at = evening ? 18 * H + p.rng.int(5 * H) : 10 * H + p.rng.int(5 * H);
      for (let k = 0; k < p.rng.range(1, 3); k += 1) {
        // The first lookup of an incident is of a stranger: the former ward's patients may all be known ones.
        if (formerWard && (v > 0 || k > 0) && p.rng.chance(0.5)) {
          p.add({
            incident: incident.id,
            user: actor.index,
            patient: 'inpatient-former-unit',
            day,
            at,
            unit: actor.home,
            workstation,
          });
        } else {
          const victim = p.strangerOf(actor, p.rng.chance(0.5));
          if (p.claim(actor.index, victim))
            p.add({
              incident: incident.id,
              user: actor.index,
              patient: victim,
              day,
              at,
              unit: actor.home,
              workstation,
              searchFirst: true,
            });
        }
        at += p.rng.range(120, 1800);
      }
    }
  }
}
