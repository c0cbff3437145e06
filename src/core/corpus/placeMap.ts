// The place-map model: every place with coordinates from the gazetteer, sized by mentions,
// with the documents that name it. Places the gazetteer does not know are listed apart, so
// nothing the engine found silently disappears from the map.
import type { GeoInfo } from '../model';
import { labelOf, locationOf, readCorpus, type CorpusLocation, type CorpusSource } from './source';

export interface MapPlace {
  id: string;
  label: string;
  aliases: string[];
  kind?: GeoInfo['kind'];
  country?: string;
  countryCode?: string;
  lat: number;
  lon: number;
  mentions: number;
  /** Documents naming the place, most mentions first. */
  documents: { path: string; mentions: number; at: CorpusLocation }[];
}

export interface UnlocatedPlace {
  id: string;
  label: string;
  mentions: number;
  at: CorpusLocation;
}

export interface PlaceMapModel {
  /** Most-mentioned first. */
  places: MapPlace[];
  /** Places without coordinates, most-mentioned first. */
  unlocated: UnlocatedPlace[];
  documents: number;
}

export function buildPlaceMap(source: CorpusSource): PlaceMapModel {
  const places = new Map<string, { label: string; aliases: string[]; geo: GeoInfo | undefined; mentions: number; docs: Map<string, { mentions: number; at: CorpusLocation }> }>();
  const docs = readCorpus(source);
  for (const doc of docs) {
    const analysed = source.getDocument(doc.path)?.analysis.entities ?? [];
    for (const m of doc.mentions) {
      if (m.type !== 'PLACE') continue;
      let place = places.get(m.entity);
      if (!place) {
        place = { label: labelOf(m), aliases: m.record?.aliases ?? [], geo: undefined, mentions: 0, docs: new Map() };
        places.set(m.entity, place);
      }
      // The registry keeps geo; a document's own analysis is the fallback (merged or relabelled ids).
      place.geo ??= located(m.record?.geo) ?? located(analysed.find((e) => e.id === m.entity)?.geo);
      place.mentions++;
      const inDoc = place.docs.get(doc.path) ?? { mentions: 0, at: locationOf(doc, m) };
      inDoc.mentions++;
      place.docs.set(doc.path, inDoc);
    }
  }
  const out: PlaceMapModel = { places: [], unlocated: [], documents: docs.length };
  for (const [id, p] of places) {
    const documents = [...p.docs].map(([path, d]) => ({ path, ...d })).sort((a, b) => b.mentions - a.mentions || a.path.localeCompare(b.path));
    if (p.geo) {
      const { kind, country, countryCode, lat, lon } = p.geo as GeoInfo & { lat: number; lon: number };
      out.places.push({ id, label: p.label, aliases: p.aliases, kind, country, countryCode, lat, lon, mentions: p.mentions, documents });
    } else {
      out.unlocated.push({ id, label: p.label, mentions: p.mentions, at: documents[0].at });
    }
  }
  const byCount = (a: { mentions: number; label: string }, b: { mentions: number; label: string }) => b.mentions - a.mentions || a.label.localeCompare(b.label);
  out.places.sort(byCount);
  out.unlocated.sort(byCount);
  return out;
}

/** Geo with usable coordinates, else undefined (NaN or out-of-range values never reach the map). */
function located(geo: GeoInfo | undefined): GeoInfo | undefined {
  if (!geo || typeof geo.lat !== 'number' || typeof geo.lon !== 'number') return undefined;
  if (!Number.isFinite(geo.lat) || !Number.isFinite(geo.lon) || Math.abs(geo.lat) > 90 || Math.abs(geo.lon) > 180) return undefined;
  return geo;
}
