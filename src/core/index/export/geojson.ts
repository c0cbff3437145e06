// GeoJSON of the places that have coordinates (from the gazetteer's entity.geo), one Point each.
import type { EntityIndex } from '../types';

export interface PlaceFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { id: string; name: string; aliases: string[]; kind?: string; country?: string; countryCode?: string; mentions: number; documents: number };
}

export function placesGeoJson(index: EntityIndex): { type: 'FeatureCollection'; features: PlaceFeature[] } {
  const features: PlaceFeature[] = [];
  for (const e of index.entities()) {
    const geo = e.geo;
    if (e.type !== 'PLACE' || typeof geo?.lat !== 'number' || typeof geo.lon !== 'number') continue;
    features.push({
      type: 'Feature',
      // GeoJSON order is longitude, latitude (RFC 7946).
      geometry: { type: 'Point', coordinates: [geo.lon, geo.lat] },
      properties: {
        id: e.id, name: e.canonical, aliases: e.aliases, kind: geo.kind, country: geo.country, countryCode: geo.countryCode,
        mentions: e.counts.mentions, documents: e.counts.documents,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
