// Places news names bare that the city and country lists lack: rivers, seas and mountain ranges
// ("the Rhine"), and English names of cities GeoNames lists in their own language ("Geneva").
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { itFindsTyped } from './support';

describe('engine: rivers, ranges and city exonyms are places', () => {
  const cases: [string, string, string[]][] = [
    ['rivers after "the"', 'Barges on the Elbe and the Rhine were stopped.', ['PLACE:Elbe', 'PLACE:Rhine']],
    ['a sea and a mountain range', 'Storms crossed the Adriatic and reached the Alps.', ['PLACE:Adriatic', 'PLACE:Alps']],
    ['English names of cities', 'Talks moved from Geneva to Cologne.', ['PLACE:Geneva', 'PLACE:Cologne']],
    ['an ALL-CAPS dateline exonym', 'ZURICH — Delegates agreed.', ['PLACE:ZURICH']],
  ];
  itFindsTyped(cases);

  it('an exonym carries the city\'s coordinates and country', () => {
    const a = analyze('Delegates met in Geneva.');
    const geneva = a.entities.find((e) => e.canonical === 'Geneva');
    assert.equal(geneva?.geo?.kind, 'city');
    assert.equal(geneva?.geo?.countryCode, 'CH');
  });

  it('a country\'s alternative name that is also a city names the city', () => {
    const a = analyze('Aid trucks reached Gaza on Monday.');
    const gaza = a.entities.find((e) => e.type === 'PLACE');
    assert.equal(gaza?.canonical, 'Gaza');
    assert.equal(gaza?.geo?.kind, 'city');
  });
});
