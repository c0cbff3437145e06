// The place map: located places with counts and documents; unknown places listed apart.
import * as assert from 'node:assert/strict';
import { buildPlaceMap } from '../../../src/core/corpus/placeMap';
import { fakeCorpus } from './fakes';

const OSLO = { kind: 'city' as const, country: 'Norway', countryCode: 'NO', lat: 59.91, lon: 10.75 };

describe('corpus: place map', () => {
  const corpus = fakeCorpus(
    {
      'a.txt': { text: 'Oslo and Lima. Oslo again. Atlantis?', mentions: [{ text: 'Oslo', type: 'PLACE' }, { text: 'Lima', type: 'PLACE' }, { text: 'Oslo', type: 'PLACE' }, { text: 'Atlantis', type: 'PLACE' }] },
      'b.txt': { text: 'Back in Oslo. Not Lima. Nowhere.', mentions: [{ text: 'Oslo', type: 'PLACE' }, { text: 'Lima', type: 'PLACE', provenance: 'rejected' }, { text: 'Nowhere', type: 'PLACE' }] },
    },
    {
      'place:oslo': { type: 'PLACE', canonical: 'Oslo', geo: OSLO, aliases: ['Christiania'] },
      'place:nowhere': { type: 'PLACE', canonical: 'Nowhere', geo: { kind: 'city', lat: Number.NaN, lon: 500 } },
    },
    // Lima's coordinates come only from the document's own analysis.
    { 'place:lima': { kind: 'city', country: 'Peru', countryCode: 'PE', lat: -12.05, lon: -77.04 } },
  );
  const model = buildPlaceMap(corpus);

  it('lists located places, most-mentioned first, with coordinates and documents', () => {
    assert.deepEqual(
      model.places.map((p) => [p.label, p.lat, p.lon, p.mentions, p.documents.map((d) => `${d.path}:${d.mentions}`)]),
      [
        ['Oslo', 59.91, 10.75, 3, ['a.txt:2', 'b.txt:1']],
        ['Lima', -12.05, -77.04, 1, ['a.txt:1']],
      ],
    );
    assert.deepEqual([model.places[0].country, model.places[0].countryCode, model.places[0].aliases], ['Norway', 'NO', ['Christiania']]);
    assert.deepEqual(model.places[0].documents[1].at, { path: 'b.txt', start: 8, end: 12, line: 0 });
  });

  it('lists places without usable coordinates apart instead of dropping them', () => {
    assert.deepEqual(model.unlocated.map((p) => [p.label, p.mentions, p.at.path]), [['Atlantis', 1, 'a.txt'], ['Nowhere', 1, 'b.txt']]);
  });

  it('an empty corpus gives an empty map', () => {
    assert.deepEqual(buildPlaceMap(fakeCorpus({})), { places: [], unlocated: [], documents: 0 });
  });
});
