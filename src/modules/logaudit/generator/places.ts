/**
 * Catchment areas: groups of neighbouring Norwegian municipalities with rounded population figures (orders of
 * magnitude as of the mid-2020s). Each hospital site draws its patients and most of its staff from one group, so
 * "same municipality" is a strong hint in a small rural municipality and nearly nothing in a city.
 */

export type Catchment = readonly (readonly [municipality: string, population: number])[];

export const catchments: readonly Catchment[] = [
  [['Ringsaker', 35000], ['Hamar', 32000], ['Gjøvik', 31000], ['Lillehammer', 29000], ['Elverum', 21500],
    ['Stange', 21000], ['Kongsvinger', 18000], ['Østre Toten', 15000], ['Vestre Toten', 13500], ['Løten', 7700],
    ['Trysil', 6600], ['Nord-Fron', 5700], ['Åmot', 4300], ['Stor-Elvdal', 2400]],
  [['Lillestrøm', 93000], ['Lørenskog', 49000], ['Ullensaker', 42000], ['Eidsvoll', 27000], ['Nittedal', 25000],
    ['Nes', 24000], ['Rælingen', 19000], ['Aurskog-Høland', 18000], ['Nannestad', 15000], ['Enebakk', 11000],
    ['Gjerdrum', 7000], ['Hurdal', 2900]],
  [['Fredrikstad', 85000], ['Sarpsborg', 59000], ['Moss', 51000], ['Indre Østfold', 46000], ['Halden', 32000],
    ['Rakkestad', 8300], ['Råde', 7800], ['Våler', 6100], ['Hvaler', 4900], ['Skiptvet', 3900], ['Marker', 3600],
    ['Aremark', 1300]],
  [['Drammen', 103000], ['Ringerike', 31000], ['Lier', 28000], ['Kongsberg', 28000], ['Øvre Eiker', 20000],
    ['Modum', 14000], ['Hole', 7000], ['Sigdal', 3500], ['Flesberg', 2700], ['Krødsherad', 2200]],
  [['Sandefjord', 65000], ['Tønsberg', 58000], ['Skien', 56000], ['Larvik', 48000], ['Porsgrunn', 37000],
    ['Horten', 28000], ['Færder', 27000], ['Holmestrand', 26000], ['Bamble', 14000], ['Notodden', 13000],
    ['Kragerø', 10000]],
  [['Oslo', 717000], ['Bærum', 131000], ['Asker', 98000], ['Nordre Follo', 64000], ['Ås', 21000],
    ['Nesodden', 20000], ['Vestby', 19000], ['Frogn', 16000]],
  [['Kristiansand', 116000], ['Arendal', 45000], ['Grimstad', 24000], ['Lindesnes', 23000], ['Vennesla', 15000],
    ['Lillesand', 11000], ['Froland', 6100], ['Birkenes', 5300]],
  [['Stavanger', 145000], ['Sandnes', 82000], ['Sola', 28000], ['Klepp', 20000], ['Time', 19000],
    ['Randaberg', 11000], ['Gjesdal', 12000], ['Hå', 19000]],
];

/** Names for the synthetic hospital sites (invented; not real hospitals). */
export const siteNames: readonly string[] = [
  'Elvetun', 'Brattli', 'Fjordvik', 'Skoglia', 'Nordhavn', 'Solvang', 'Lundheim', 'Varden',
];
