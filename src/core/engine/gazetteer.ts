// The place gazetteer (countries, regions, cities), loaded on first use so that importing the
// engine stays cheap. Also the demonym list, used to refuse nationality adjectives as places.
import type { GeoInfo } from '../model';
// Type-only: makes tsc ship the JSON beside the compiled engine without loading it at import.
import type gazetteerJson from '../data/gazetteer.json';

interface GazetteerFile {
  countries: [string, string, number, number, string[]][];
  regions: [string, GeoInfo['kind'], number, number][];
  cities: [string, string, number, number, number][];
  demonyms: string[];
}

export interface PlaceEntry {
  /** Canonical name ("United States" for "U.S."). */
  canonical: string;
  geo: GeoInfo;
}

interface Gazetteer {
  places: Map<string, PlaceEntry>;
  demonyms: Set<string>;
}

let loaded: Gazetteer | null = null;

function load(): Gazetteer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const data = require('../data/gazetteer.json') as typeof gazetteerJson as unknown as GazetteerFile;
  const places = new Map<string, PlaceEntry>();
  const countryName = new Map<string, string>();
  // A country's alternative name that is also a city's ("Gaza" for Palestine) names the city.
  const cityNames = new Set(data.cities.map((c) => c[0]));
  for (const [name, cc, lat, lon, aliases] of data.countries) {
    countryName.set(cc, name);
    const entry: PlaceEntry = { canonical: name, geo: { kind: 'country', countryCode: cc, country: name, lat, lon } };
    places.set(name, entry);
    for (const a of aliases) if (!places.has(a) && !cityNames.has(a)) places.set(a, entry);
  }
  for (const [name, kind, lat, lon] of data.regions) {
    if (!places.has(name)) places.set(name, { canonical: name, geo: { kind, lat, lon } });
  }
  for (const [name, cc, lat, lon, population] of data.cities) {
    if (places.has(name)) continue; // a country or region outranks a city of the same name
    places.set(name, { canonical: name, geo: { kind: 'city', countryCode: cc, country: countryName.get(cc), lat, lon, population } });
  }
  return { places, demonyms: new Set(data.demonyms) };
}

function gazetteer(): Gazetteer {
  if (!loaded) {
    try {
      loaded = load();
    } catch {
      // A broken data file degrades to "no gazetteer", never to a failed analysis.
      loaded = { places: new Map(), demonyms: new Set() };
    }
  }
  return loaded;
}

/** Exact (case-sensitive) lookup of a place name; an ALL-CAPS dateline word is read in title case. */
export function lookupPlace(name: string): PlaceEntry | undefined {
  const places = gazetteer().places;
  const hit = places.get(name);
  if (hit || name.length < 4 || name !== name.toUpperCase() || /[.\d]/.test(name)) return hit;
  return places.get(name.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (m) => m.toUpperCase()));
}

export function isDemonym(word: string): boolean {
  return gazetteer().demonyms.has(word);
}
