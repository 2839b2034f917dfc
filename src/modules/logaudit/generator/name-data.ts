/**
 * Name material for the synthetic population. Counts are rounded, approximate numbers of bearers in Norway, in the
 * order of magnitude of Statistics Norway's published surname tables; they set realistic relative frequencies (the
 * "-sen" names are shared by tens of thousands) and are not an exact copy of any table. The long tail of rare,
 * mostly farm-derived names is composed from the parts below (see names.ts).
 */

export type NameGroup = 'no' | 'se' | 'vi' | 'so' | 'pk' | 'pl' | 'lt' | 'ar' | 'er';

/** [family name, approximate bearers, group] */
export const commonFamilyNames: readonly (readonly [string, number, NameGroup])[] = [
  ['Hansen', 50000, 'no'], ['Johansen', 48000, 'no'], ['Olsen', 46000, 'no'], ['Larsen', 38000, 'no'],
  ['Andersen', 37000, 'no'], ['Pedersen', 35000, 'no'], ['Nilsen', 32000, 'no'], ['Kristiansen', 23000, 'no'],
  ['Jensen', 23000, 'no'], ['Karlsen', 21000, 'no'], ['Johnsen', 19500, 'no'], ['Pettersen', 19000, 'no'],
  ['Eriksen', 17500, 'no'], ['Berg', 16500, 'no'], ['Haugen', 14700, 'no'], ['Hagen', 14400, 'no'],
  ['Johannessen', 13500, 'no'], ['Andreassen', 12500, 'no'], ['Jacobsen', 12300, 'no'], ['Dahl', 12000, 'no'],
  ['Jørgensen', 11500, 'no'], ['Halvorsen', 11000, 'no'], ['Henriksen', 10800, 'no'], ['Lund', 10700, 'no'],
  ['Sørensen', 10500, 'no'], ['Jakobsen', 10000, 'no'], ['Moen', 9900, 'no'], ['Gundersen', 9500, 'no'],
  ['Iversen', 9400, 'no'], ['Strand', 9200, 'no'], ['Solberg', 8900, 'no'], ['Svendsen', 8700, 'no'],
  ['Eide', 8600, 'no'], ['Knutsen', 8300, 'no'], ['Martinsen', 8200, 'no'], ['Paulsen', 7800, 'no'],
  ['Bakken', 7700, 'no'], ['Kristoffersen', 7600, 'no'], ['Mathisen', 7300, 'no'], ['Lie', 7100, 'no'],
  ['Amundsen', 7000, 'no'], ['Nguyen', 7000, 'vi'], ['Rasmussen', 6800, 'no'], ['Ali', 6700, 'pk'],
  ['Lunde', 6600, 'no'], ['Solheim', 6400, 'no'], ['Berge', 6300, 'no'], ['Moe', 6200, 'no'],
  ['Nygård', 6100, 'no'], ['Bakke', 6100, 'no'], ['Kristensen', 5900, 'no'], ['Fredriksen', 5700, 'no'],
  ['Holm', 5600, 'no'], ['Lien', 5500, 'no'], ['Hauge', 5400, 'no'], ['Christensen', 5300, 'no'],
  ['Andresen', 5200, 'no'], ['Nielsen', 5100, 'no'], ['Knudsen', 5000, 'no'], ['Evensen', 5000, 'no'],
  ['Sæther', 4900, 'no'], ['Aas', 4800, 'no'], ['Hanssen', 4700, 'no'], ['Myhre', 4600, 'no'],
  ['Haugland', 4500, 'no'], ['Thomassen', 4400, 'no'], ['Sivertsen', 4400, 'no'], ['Simonsen', 4300, 'no'],
  ['Danielsen', 4300, 'no'], ['Berntsen', 4200, 'no'], ['Sandvik', 4100, 'no'], ['Rønning', 4000, 'no'],
  ['Arnesen', 4000, 'no'], ['Antonsen', 3900, 'no'], ['Næss', 3900, 'no'], ['Vik', 3800, 'no'],
  ['Haug', 3800, 'no'], ['Ellingsen', 3800, 'no'], ['Thorsen', 3700, 'no'], ['Edvardsen', 3600, 'no'],
  ['Birkeland', 3600, 'no'], ['Isaksen', 3600, 'no'], ['Gulbrandsen', 3500, 'no'], ['Ahmed', 3500, 'pk'],
  ['Ruud', 3400, 'no'], ['Aasen', 3400, 'no'], ['Strøm', 3300, 'no'], ['Hussain', 3300, 'pk'],
  ['Mohamed', 3300, 'so'], ['Khan', 3200, 'pk'], ['Tran', 3100, 'vi'], ['Engen', 3100, 'no'],
  ['Jenssen', 3000, 'no'], ['Nyberg', 3000, 'no'], ['Wold', 2900, 'no'], ['Eliassen', 2900, 'no'],
  ['Pham', 2600, 'vi'], ['Ødegård', 2600, 'no'], ['Ottesen', 2500, 'no'], ['Mikkelsen', 2500, 'no'],
  ['Tangen', 2400, 'no'], ['Sandberg', 2400, 'no'], ['Dale', 2400, 'no'], ['Abdi', 2300, 'so'],
  ['Hassan', 2200, 'ar'], ['Nowak', 1900, 'pl'], ['Andersson', 1900, 'se'], ['Johansson', 1800, 'se'],
  ['Singh', 1700, 'pk'], ['Kaur', 1500, 'pk'], ['Le', 1500, 'vi'], ['Kowalski', 1400, 'pl'],
  ['Wiśniewski', 900, 'pl'], ['Kowalczyk', 900, 'pl'], ['Karlsson', 1300, 'se'], ['Nilsson', 1300, 'se'],
  ['Kazlauskas', 700, 'lt'], ['Petrauskas', 600, 'lt'], ['Abdullahi', 1200, 'so'], ['Omar', 1300, 'so'],
  ['Yusuf', 900, 'so'], ['Ibrahim', 1400, 'ar'], ['Haddad', 500, 'ar'], ['Tesfay', 900, 'er'],
  ['Tekle', 800, 'er'], ['Ghebremedhin', 500, 'er'], ['Rahman', 900, 'pk'], ['Iqbal', 900, 'pk'],
];

/** Parts for the long tail of rare names (mostly farm names and less common patronymics). */
export const farmNameRoots: readonly string[] = [
  'Aker', 'Al', 'Ask', 'Aur', 'Bakk', 'Bjør', 'Bjørk', 'Blik', 'Bratt', 'Brekk', 'Bruu', 'Bø', 'Dal', 'Dyr',
  'Ei', 'Eng', 'Fager', 'Fjell', 'Flat', 'Foss', 'Fure', 'Gjerd', 'Grav', 'Gran', 'Grind', 'Grø', 'Ham', 'Hatle',
  'Heg', 'Hel', 'Hjelm', 'Hol', 'Holt', 'Hov', 'Hval', 'Innset', 'Jore', 'Kjøl', 'Kleiv', 'Klokk', 'Kval',
  'Kvam', 'Kvern', 'Lang', 'Lid', 'Lind', 'Ljø', 'Løv', 'Mel', 'Midt', 'Mjøs', 'Mo', 'Mykle', 'Myr', 'Nor',
  'Nord', 'Ny', 'Od', 'Opp', 'Os', 'Otter', 'Ramm', 'Ring', 'Rog', 'Rud', 'Rust', 'Røn', 'Sag', 'Sel', 'Sjø',
  'Skar', 'Skei', 'Ski', 'Skjerv', 'Skog', 'Sol', 'Sta', 'Stav', 'Stein', 'Stor', 'Strøm', 'Sund', 'Svart',
  'Tang', 'Tjern', 'Tor', 'Tveit', 'Ulv', 'Ut', 'Val', 'Vang', 'Vat', 'Vest', 'Vik', 'Vind', 'Vold', 'Øst',
  'Øver', 'Ås',
];

export const farmNameEndings: readonly string[] = [
  'stad', 'heim', 'rud', 'vik', 'dal', 'land', 'nes', 'bakken', 'haug', 'set', 'mo', 'li', 'lund', 'berg',
  'voll', 'tun', 'gard', 'eng', 'sæter', 'by', 'rød', 'ø', 'stø', 'åsen', 'bø', 'hagen', 'myr', 'skog', 'tveit',
  'aune', 'ås', 'vang', 'strand', 'sletta', 'holm', 'ly', 'nær', 'hus', 'borg', 'fjeld',
];

export const patronymicRoots: readonly string[] = [
  'Aslak', 'Bentz', 'Brede', 'Dagfinn', 'Eilert', 'Elling', 'Engebret', 'Gabriel', 'Gudmund', 'Gunnar',
  'Haakon', 'Hallvard', 'Helge', 'Ingebrigt', 'Ivar', 'Jens', 'Klemet', 'Lauritz', 'Mads', 'Mons', 'Nils',
  'Oluf', 'Osmund', 'Peder', 'Reidar', 'Sakarias', 'Sigurd', 'Steffen', 'Tallak', 'Tellef', 'Torger', 'Trygve',
];

type Cohort = 'old' | 'mid' | 'young';
type Sex = 'f' | 'm';

/** Given names per group, sex and birth cohort (old: born before 1965, mid: 1965-1994, young: 1995 and later). */
export const givenNames: Readonly<Record<'no', Record<Sex, Record<Cohort, readonly string[]>>>> = {
  no: {
    f: {
      old: ['Anne', 'Inger', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Berit', 'Astrid', 'Bjørg', 'Randi', 'Solveig',
        'Gerd', 'Turid', 'Else', 'Kirsten', 'Karin', 'Ragnhild', 'Wenche', 'Grete', 'Gunn', 'Sissel', 'Unni',
        'Reidun', 'Aud', 'Ellen', 'Torill', 'Jorunn', 'Åse', 'Bodil'],
      mid: ['Hilde', 'Anne', 'Marianne', 'Camilla', 'Silje', 'Ida', 'Linda', 'Kristin', 'Elisabeth', 'Heidi',
        'Tone', 'Mona', 'Lene', 'Ingvild', 'Marte', 'Stine', 'Nina', 'Tonje', 'Kristine', 'Hanne', 'Siri', 'Maria',
        'Julie', 'Mari', 'Monica', 'Cecilie', 'Anette', 'Trine', 'Kjersti', 'Line', 'Guro', 'Ragnhild'],
      young: ['Nora', 'Emma', 'Sara', 'Ingrid', 'Sofie', 'Maja', 'Olivia', 'Ella', 'Leah', 'Frida', 'Emilie',
        'Thea', 'Ida', 'Julie', 'Hanna', 'Vilde', 'Maria', 'Amalie', 'Aurora', 'Selma', 'Astrid', 'Ellinor',
        'Tiril', 'Mia', 'Iben', 'Hedda', 'Oda', 'Synne', 'Mathilde', 'Live'],
    },
    m: {
      old: ['Jan', 'Per', 'Bjørn', 'Ole', 'Lars', 'Kjell', 'Knut', 'Arne', 'Svein', 'Hans', 'Odd', 'Tor', 'Geir',
        'Terje', 'Rolf', 'Harald', 'Trond', 'Arild', 'Nils', 'Egil', 'Gunnar', 'Leif', 'Olav', 'Helge', 'Erik',
        'Einar', 'Kåre', 'Tore', 'Finn', 'Sverre', 'Johan', 'Reidar'],
      mid: ['Thomas', 'Martin', 'Andreas', 'Kristian', 'Espen', 'Morten', 'Anders', 'Lars', 'Stian', 'Marius',
        'Jonas', 'Erik', 'Magnus', 'Christian', 'Daniel', 'Kristoffer', 'Fredrik', 'Eirik', 'Henrik', 'Jørgen',
        'Simen', 'Håkon', 'Rune', 'Kim', 'Øyvind', 'Geir', 'Jon', 'Petter', 'Ole', 'Vegard', 'Sindre', 'Even'],
      young: ['Jakob', 'Emil', 'Noah', 'Oliver', 'Filip', 'William', 'Lucas', 'Liam', 'Henrik', 'Oskar', 'Aksel',
        'Theodor', 'Elias', 'Kasper', 'Magnus', 'Johannes', 'Isak', 'Mathias', 'Tobias', 'Sander', 'Jonas',
        'Ludvig', 'Olav', 'Adrian', 'Sebastian', 'Markus', 'Even', 'Sindre', 'Herman', 'Iver'],
    },
  },
};

/** Given names for families of other origins (not split by cohort). */
export const groupGivenNames: Readonly<Record<Exclude<NameGroup, 'no'>, Record<Sex, readonly string[]>>> = {
  se: { f: ['Anna', 'Karin', 'Maria', 'Elin', 'Lena', 'Sofia'], m: ['Erik', 'Lars', 'Anders', 'Johan', 'Per', 'Mikael'] },
  vi: { f: ['Thi Lan', 'Thi Mai', 'Linh', 'Anh', 'Thu', 'Huong'], m: ['Van Minh', 'Van Long', 'Duc', 'Tuan', 'Hung', 'Quang'] },
  so: { f: ['Amina', 'Fadumo', 'Hodan', 'Sahra', 'Maryan', 'Ifrah'], m: ['Abdi', 'Mohamed', 'Ahmed', 'Abdirahman', 'Yusuf', 'Hassan'] },
  pk: { f: ['Fatima', 'Ayesha', 'Sana', 'Nadia', 'Saima', 'Harpreet'], m: ['Mohammad', 'Imran', 'Adeel', 'Usman', 'Kamran', 'Gurpreet'] },
  pl: { f: ['Anna', 'Katarzyna', 'Agnieszka', 'Magdalena', 'Joanna', 'Ewa'], m: ['Piotr', 'Tomasz', 'Krzysztof', 'Marcin', 'Jakub', 'Paweł'] },
  lt: { f: ['Rasa', 'Jurgita', 'Inga', 'Laura', 'Ieva'], m: ['Tomas', 'Mindaugas', 'Darius', 'Andrius', 'Jonas'] },
  ar: { f: ['Rana', 'Noor', 'Lina', 'Huda', 'Zainab', 'Maryam'], m: ['Ali', 'Omar', 'Yousef', 'Khaled', 'Ahmad', 'Karim'] },
  er: { f: ['Helen', 'Selam', 'Senait', 'Ruta', 'Luwam'], m: ['Yonas', 'Daniel', 'Filmon', 'Samuel', 'Tesfay'] },
};
