// Norwegian (Trøndelag-flavoured) and immigrant names. Weights roughly follow SSB frequency ranks.
import type { Rng } from './rng.js';
import { Alias } from './rng.js';

const COMMON = `Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Pettersen
Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen Halvorsen Henriksen Lund Sørensen Jakobsen
Moen Gundersen Iversen Strand Solberg Svendsen Eide Knutsen Martinsen Paulsen Bakken Kristoffersen Mathisen Lie
Amundsen Rasmussen Lunde Solheim Berge Moe Nygård Bakke Kristensen Fredriksen Holm Lien Hauge Christensen Andresen
Nielsen Knudsen Evensen Sæther Aas Myhre Hanssen Haugland Thomassen Sivertsen Simonsen Danielsen Berntsen Sandvik
Rønning Arnesen Antonsen Næss Vik Haug Ellingsen Thorsen Edvardsen Isaksen Ruud Aasen Strøm Tangen Ødegård Eliassen
Aune Hoel Lorentzen Bjørnstad Grønning Kvam Stav Ysland Moxnes Aalberg Skjærvold Wold Hegge Løkken Ness Torsvik`
  .split(/\s+/)
  .filter(Boolean);

const FARM_A = `Bratt Kvål Skjet Hov Foss Løv Ørs Gjers Vinsnes Ut Rok Flat Sommer Ram Kval Mel Lyng Hell Stor Li
Aun Sel Grøn Hug Rog Bjørg Fin Tron Kolst Leir Ving Myr Berk Sand Hølm Hamr Stubb Øvr Nedr Viken`
  .split(/\s+/)
  .filter(Boolean);
const FARM_B = `set vold li haug stad rud gård bakken øy vik dal ås mo nes berg hus eng heim land fjell`.split(/\s+/);

const IMMIGRANT =
  `Ali Ahmed Hussein Mohamed Nguyen Tran Kowalski Nowak Wiśniewski Kaczmarek Andersson Johansson Karlsson
Yilmaz Abdi Hassan Osman Warsame Tesfaye Haile Khan Iqbal Singh Sandhu Jankauskas Petrović Hodžić Kovačević Mirza
Rahimi Haidari Al-Hassan Tekle Bekele Le Pham Santos Silva Müller Schmidt Hosseini Mahamud Omar Farah`
    .split(/\s+/)
    .filter(Boolean);

export const MALE = `Jan Per Bjørn Ole Lars Kjell Knut Arne Svein Hans Geir Tor Terje Thomas Morten John Odd Rune Trond
Martin Anders Erik Jon Andreas Harald Tore Rolf Gunnar Espen Stian Kristian Magnus Jonas Henrik Emil Oskar Filip Lukas
Aksel Jakob Noah Isak Sander Elias Mathias Even Eirik Sindre Vegard Ivar Arvid Halvard Torbjørn Ola Steinar Asbjørn`
  .split(/\s+/)
  .filter(Boolean);
export const FEMALE =
  `Anne Inger Kari Marit Ingrid Liv Eva Berit Astrid Bjørg Hilde Anna Solveig Marianne Randi Ida Nina
Maria Elisabeth Kristin Bente Heidi Silje Hanne Tone Camilla Ingeborg Nora Emma Olivia Sofie Sara Thea Maja Ella Frida
Ingvild Marte Guro Synnøve Gunhild Ragnhild Turid Wenche Torill Aud Sigrid Oddny Jorunn Hege Line Mari Karoline`
    .split(/\s+/)
    .filter(Boolean);
const MALE_IMM =
  `Mohammed Ahmad Ali Omar Yusuf Abdi Hamza Ibrahim Piotr Tomasz Krzysztof Minh Duc Mehmet Tesfay Daniel Adam Arjun`
    .split(/\s+/)
    .filter(Boolean);
const FEMALE_IMM =
  `Fatima Amina Aisha Maryam Hodan Zainab Anna Katarzyna Agnieszka Lan Linh Elif Selam Hiwot Leila Noor Priya Ewa`
    .split(/\s+/)
    .filter(Boolean);

export const TEST_NAMES: [string, string][] = [
  ['Testesen', 'Test'],
  ['Prøvesen', 'Pasient'],
  ['Testpasient', 'Kari'],
  ['Testpasient', 'Ola'],
  ['Opplæring', 'Barn'],
  ['Opplæring', 'Voksen'],
];

export class NameGen {
  private commonAlias: Alias;
  private farm: string[];
  constructor(private r: Rng) {
    this.commonAlias = new Alias(COMMON.map((_, i) => 1 / Math.pow(i + 3, 0.9)));
    this.farm = [];
    for (const a of FARM_A) for (const b of FARM_B) this.farm.push(a.toLowerCase().startsWith('ø') ? a + b : a + b);
    this.farm = this.farm.map((s) => s.charAt(0).toUpperCase() + s.slice(1));
  }
  /** family name for a new household; immigrant flag chooses the immigrant pool */
  family(immigrant: boolean): string {
    const r = this.r;
    if (immigrant) return r.pick(IMMIGRANT);
    const x = r.next();
    if (x < 0.72) return COMMON[this.commonAlias.draw(r)]!;
    if (x < 0.97) return r.pick(this.farm); // rare farm names: few holders each
    return `${COMMON[this.commonAlias.draw(r)]!} ${r.pick(this.farm)}`; // double surname
  }
  given(female: boolean, immigrant: boolean): string {
    const r = this.r;
    if (immigrant && r.chance(0.8)) return r.pick(female ? FEMALE_IMM : MALE_IMM);
    const g = r.pick(female ? FEMALE : MALE);
    if (r.chance(0.12)) return `${g} ${r.pick(female ? FEMALE : MALE)}`; // "Anne Marit", "Per Ivar"
    return g;
  }
  /** child of two parents: father's, mother's, or hyphen/double of both */
  childFamily(a: string, b: string): string {
    const x = this.r.next();
    if (a === b || x < 0.6) return a;
    if (x < 0.8) return b;
    return this.r.chance(0.5) ? `${b} ${a}` : `${b}-${a}`;
  }
}
