/**
 * Names for a west-Norwegian population. Family names: a long tail of common -sen and farm names (a few of them shared
 * by one in a hundred people), rare farm names built from parts (a handful of holders each), and names of the larger
 * immigrant groups. Given names follow the fashion of the birth decade.
 */
import type { Rng } from './rng.js';
import { WeightedTable } from './rng.js';

/** Rough relative frequencies (thousands of holders in Norway), with a west-coast tilt. */
const COMMON_FAMILY: readonly (readonly [string, number])[] = [
  ['Hansen', 50],
  ['Johansen', 48],
  ['Olsen', 46],
  ['Larsen', 36],
  ['Andersen', 36],
  ['Pedersen', 34],
  ['Nilsen', 33],
  ['Kristiansen', 21],
  ['Jensen', 21],
  ['Karlsen', 19],
  ['Johnsen', 18],
  ['Pettersen', 18],
  ['Eriksen', 17],
  ['Berg', 16],
  ['Haugen', 14],
  ['Hagen', 14],
  ['Johannessen', 14],
  ['Andreassen', 12],
  ['Jacobsen', 12],
  ['Dahl', 11],
  ['Jørgensen', 11],
  ['Halvorsen', 11],
  ['Henriksen', 11],
  ['Lund', 10],
  ['Sørensen', 10],
  ['Jakobsen', 10],
  ['Moen', 10],
  ['Gundersen', 9],
  ['Iversen', 9],
  ['Strand', 9],
  ['Solberg', 9],
  ['Svendsen', 9],
  ['Eide', 12],
  ['Knutsen', 9],
  ['Martinsen', 8],
  ['Paulsen', 8],
  ['Bakken', 8],
  ['Kristoffersen', 8],
  ['Mathisen', 8],
  ['Lie', 8],
  ['Amundsen', 7],
  ['Rasmussen', 7],
  ['Lunde', 8],
  ['Solheim', 9],
  ['Berge', 9],
  ['Moe', 7],
  ['Nygård', 6],
  ['Bakke', 6],
  ['Kristensen', 6],
  ['Fredriksen', 6],
  ['Holm', 6],
  ['Lien', 6],
  ['Hauge', 8],
  ['Christensen', 6],
  ['Andresen', 6],
  ['Nielsen', 6],
  ['Knudsen', 6],
  ['Evensen', 5],
  ['Sæther', 5],
  ['Aas', 5],
  ['Myhre', 5],
  ['Hanssen', 5],
  ['Haugland', 8],
  ['Thomassen', 5],
  ['Sivertsen', 5],
  ['Simonsen', 5],
  ['Danielsen', 5],
  ['Berntsen', 4],
  ['Sandvik', 6],
  ['Rønning', 4],
  ['Arnesen', 4],
  ['Antonsen', 4],
  ['Næss', 4],
  ['Vik', 7],
  ['Haug', 4],
  ['Ellingsen', 4],
  ['Thorsen', 4],
  ['Edvardsen', 4],
  ['Birkeland', 5],
  ['Isaksen', 4],
  ['Gulbrandsen', 3],
  ['Ruud', 3],
  ['Aasen', 4],
  ['Strøm', 4],
  ['Myklebust', 6],
  ['Tangen', 3],
  ['Ødegård', 3],
  ['Eliassen', 3],
  ['Helland', 5],
  ['Bøe', 4],
  ['Aune', 3],
  ['Mikkelsen', 3],
  ['Tveit', 6],
  ['Brekke', 6],
  ['Abrahamsen', 3],
  ['Madsen', 3],
  ['Nes', 4],
  ['Fosse', 4],
  ['Stene', 3],
  ['Rød', 3],
  ['Vikøren', 2],
  ['Aarseth', 2],
  ['Hovland', 4],
  ['Nordtveit', 2],
  ['Midtbø', 2],
  ['Kvamme', 3],
  ['Ulvestad', 2],
  ['Grønning', 2],
];

const RARE_PREFIX = [
  'Aust',
  'Bjørk',
  'Brekk',
  'Eik',
  'Fjell',
  'Flat',
  'Furu',
  'Gjerd',
  'Grøn',
  'Hjelm',
  'Holt',
  'Hus',
  'Kval',
  'Kvit',
  'Lang',
  'Lyng',
  'Midt',
  'Myr',
  'Nord',
  'Ose',
  'Ram',
  'Rund',
  'Sel',
  'Skar',
  'Skog',
  'Sol',
  'Stav',
  'Stein',
  'Stor',
  'Sund',
  'Tjørn',
  'Tveit',
  'Ulv',
  'Vass',
  'Vest',
  'Ytre',
  'Øvre',
  'Ås',
  'Hamr',
  'Rivel',
  'Bratt',
  'Djup',
  'Hest',
  'Gras',
  'Kjos',
  'Lok',
  'Mjelt',
  'Naust',
];
const RARE_LINK = ['', '', 'e', 's', 'a'];
const RARE_SUFFIX = [
  'eland',
  'vik',
  'nes',
  'dal',
  'berg',
  'set',
  'stad',
  'bø',
  'rud',
  'heim',
  'mo',
  'haug',
  'li',
  'tun',
  'myr',
  'øy',
  'land',
  'strand',
  'voll',
  'bakk',
  'hammer',
  'mark',
  'vold',
  'lid',
  'seth',
  'gard',
  'hol',
  'fjord',
  'nes',
  'botn',
  'sæter',
];

interface Group {
  readonly weight: number;
  readonly family: readonly string[];
  readonly male: readonly string[];
  readonly female: readonly string[];
}

const GROUPS: readonly Group[] = [
  {
    weight: 2.4,
    family: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański'],
    male: ['Piotr', 'Tomasz', 'Marek', 'Krzysztof', 'Paweł', 'Michał', 'Jakub', 'Kacper'],
    female: ['Anna', 'Agnieszka', 'Katarzyna', 'Magdalena', 'Joanna', 'Zofia', 'Natalia', 'Julia'],
  },
  {
    weight: 1.0,
    family: ['Kazlauskas', 'Petrauskas', 'Jankauskas', 'Balčiūnas', 'Ozola', 'Bērziņš'],
    male: ['Tomas', 'Mantas', 'Darius', 'Andris', 'Lukas'],
    female: ['Rasa', 'Inga', 'Laura', 'Ieva', 'Agnė'],
  },
  {
    weight: 1.2,
    family: ['Ali', 'Mohamed', 'Hassan', 'Abdi', 'Ahmed', 'Hussein', 'Warsame', 'Farah', 'Osman', 'Yusuf'],
    male: ['Abdirahman', 'Mohamed', 'Abdullahi', 'Hassan', 'Ahmed', 'Yusuf', 'Ismail'],
    female: ['Fadumo', 'Hodan', 'Amina', 'Ayan', 'Hibo', 'Sahra', 'Nimo'],
  },
  {
    weight: 1.2,
    family: ['Alhassan', 'Al-Khalil', 'Haddad', 'Khalil', 'Ibrahim', 'Alali', 'Mahmoud', 'Hamdan'],
    male: ['Omar', 'Ahmad', 'Yousef', 'Khaled', 'Mahmoud', 'Ali', 'Hasan'],
    female: ['Rania', 'Lina', 'Nour', 'Hiba', 'Sara', 'Fatima', 'Rim'],
  },
  {
    weight: 0.8,
    family: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu'],
    male: ['Minh', 'Duc', 'Anh', 'Tuan', 'Long'],
    female: ['Thi Lan', 'Huong', 'Linh', 'Mai', 'Thu'],
  },
  {
    weight: 0.6,
    family: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Mendoza'],
    male: ['Jose', 'Mark', 'John Paul', 'Rodel'],
    female: ['Maria', 'Rowena', 'Jocelyn', 'Grace', 'Marites'],
  },
  {
    weight: 0.7,
    family: ['Tesfay', 'Gebremedhin', 'Haile', 'Tekle', 'Berhe', 'Ghebreyesus'],
    male: ['Yonas', 'Dawit', 'Samuel', 'Filmon', 'Robel'],
    female: ['Senait', 'Helen', 'Saba', 'Rahel', 'Luwam'],
  },
  {
    weight: 0.9,
    family: ['Andersson', 'Karlsson', 'Johansson', 'Nilsson', 'Eriksson', 'Larsson', 'Nielsen', 'Jensen'],
    male: ['Erik', 'Lars', 'Johan', 'Anders', 'Mikkel', 'Oscar'],
    female: ['Anna', 'Karin', 'Emma', 'Sofia', 'Mette', 'Ebba'],
  },
  {
    weight: 0.6,
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Wagner'],
    male: ['Stefan', 'Markus', 'Jan', 'Tobias', 'Florian', 'Matthias'],
    female: ['Katrin', 'Julia', 'Andrea', 'Sabine', 'Lena', 'Miriam'],
  },
];

const NORWEGIAN_WEIGHT = 87;

/** Given names by birth cohort, male and female. */
const GIVEN: readonly { until: number; male: readonly string[]; female: readonly string[] }[] = [
  {
    until: 1950,
    male: ['Ole', 'Jan', 'Per', 'Kjell', 'Arne', 'Knut', 'Hans', 'Bjørn', 'Odd', 'Rolf', 'Harald', 'Olav', 'Leif'],
    female: ['Anne', 'Inger', 'Kari', 'Marit', 'Liv', 'Astrid', 'Bjørg', 'Randi', 'Solveig', 'Ragnhild', 'Gerd'],
  },
  {
    until: 1965,
    male: ['Jan', 'Per', 'Svein', 'Terje', 'Geir', 'Tor', 'Arild', 'Odd', 'Einar', 'Magne', 'Nils', 'Johannes'],
    female: ['Anne', 'Inger', 'Kari', 'Marit', 'Berit', 'Eva', 'Aud', 'Reidun', 'Torill', 'Unni', 'Synnøve'],
  },
  {
    until: 1980,
    male: ['Geir', 'Morten', 'Rune', 'Trond', 'Lars', 'Espen', 'Frode', 'Kjetil', 'Tom', 'Vidar', 'Øyvind', 'Atle'],
    female: ['Hilde', 'Anne', 'Tone', 'Kristin', 'Heidi', 'Elisabeth', 'Mona', 'Trine', 'Gro', 'Hege', 'Bente'],
  },
  {
    until: 1995,
    male: ['Andreas', 'Martin', 'Thomas', 'Kristian', 'Marius', 'Anders', 'Daniel', 'Fredrik', 'Eirik', 'Stian'],
    female: ['Ida', 'Silje', 'Camilla', 'Marte', 'Kristine', 'Ingrid', 'Maria', 'Linn', 'Stine', 'Ingvild', 'Marianne'],
  },
  {
    until: 2010,
    male: ['Jonas', 'Magnus', 'Sondre', 'Henrik', 'Tobias', 'Sindre', 'Even', 'Håkon', 'Vegard', 'Sigurd', 'Mathias'],
    female: ['Julie', 'Thea', 'Emilie', 'Hanna', 'Sara', 'Malin', 'Maren', 'Martine', 'Tuva', 'Synne', 'Guro'],
  },
  {
    until: 9999,
    male: ['Jakob', 'Emil', 'Noah', 'Oliver', 'Filip', 'William', 'Lucas', 'Oskar', 'Aksel', 'Elias', 'Isak', 'Olav'],
    female: ['Nora', 'Emma', 'Sofie', 'Olivia', 'Ella', 'Maja', 'Leah', 'Frida', 'Tiril', 'Selma', 'Ada', 'Aurora'],
  },
];

const commonTable = new WeightedTable(COMMON_FAMILY.map((x) => x[1]));
const groupTable = new WeightedTable([NORWEGIAN_WEIGHT, ...GROUPS.map((g) => g.weight)]);

/** An origin group: 0 is Norwegian, 1… are the immigrant groups above. */
export function drawGroup(rng: Rng): number {
  return groupTable.draw(rng);
}

/** A family name for a new family of this origin. */
export function drawFamilyName(rng: Rng, group: number): string {
  if (group > 0) return rng.pick(GROUPS[group - 1]!.family);
  if (rng.chance(0.38)) return COMMON_FAMILY[commonTable.draw(rng)]![0];
  // A farm name: skewed so that some parts are far more frequent than others.
  const p = RARE_PREFIX[Math.floor(RARE_PREFIX.length * rng.next() ** 1.6)]!;
  const s = RARE_SUFFIX[Math.floor(RARE_SUFFIX.length * rng.next() ** 1.4)]!;
  const link = rng.pick(RARE_LINK);
  const joined = p + link + s;
  return joined.replace(/([aeiouyæøå])\1/g, '$1');
}

export function drawGivenName(rng: Rng, group: number, sex: 0 | 1, birthYear: number): string {
  if (group > 0) {
    const g = GROUPS[group - 1]!;
    return rng.pick(sex === 0 ? g.male : g.female);
  }
  const cohort = GIVEN.find((c) => birthYear <= c.until) ?? GIVEN[GIVEN.length - 1]!;
  // Names drift: a quarter of people carry a name from the neighbouring cohort.
  const i = GIVEN.indexOf(cohort);
  const drift = rng.chance(0.25)
    ? GIVEN[Math.max(0, Math.min(GIVEN.length - 1, i + (rng.chance(0.5) ? -1 : 1)))]!
    : cohort;
  const name = rng.pick(sex === 0 ? drift.male : drift.female);
  // Double given names are common in Norway.
  if (rng.chance(0.12)) {
    const second = rng.pick(sex === 0 ? drift.male : drift.female);
    if (second !== name) return `${name} ${second}`;
  }
  return name;
}

/** ASCII folding for user names (æ → ae, ø → o, å → aa). */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '');
}
