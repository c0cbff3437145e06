// Exports and import: every format parses back to what the index holds.
import * as assert from 'node:assert/strict';
import { csvCell, entitiesCsv, mentionsCsv, parseCsv, toCsv } from '../../../src/core/index/export/csv';
import { placesGeoJson } from '../../../src/core/index/export/geojson';
import { fromWebAnnotations, toWebAnnotations } from '../../../src/core/index/export/jsonld';
import { timelineCsv } from '../../../src/core/index/export/timeline';
import type { EntityIndex } from '../../../src/core/index/types';
import { openTestIndex } from './fakes';

const DOCS = {
  'a.txt': 'Union negotiator Marieke de Vries spoke in Rotterdam on Monday. "No deal," said the FNV, in Leeds.\nZorblax agreed.\n',
  'b.txt': 'In Rotterdam, de Vries met Zorblax and Hall. The FNV and Network Rail agreed.\n',
};

async function annotated(): Promise<EntityIndex> {
  const { index } = await openTestIndex(DOCS);
  const span = (path: string, text: string) => {
    const start = (index.getText(path) as string).indexOf(text);
    return { path, start, end: start + text.length };
  };
  await index.annotate({ kind: 'add', ...span('a.txt', 'Zorblax'), type: 'PERSON' });
  await index.annotate({ kind: 'confirm', ...span('a.txt', 'Rotterdam') });
  await index.annotate({ kind: 'reject', ...span('b.txt', 'FNV') });
  await index.annotate({ kind: 'relabel', ...span('a.txt', 'Leeds'), type: 'ORG' });
  await index.annotate({ kind: 'link', ...span('b.txt', 'Hall'), entity: 'person:marieke-de-vries' });
  await index.annotate({ kind: 'merge', from: 'org:fnv', into: 'org:network-rail' });
  await index.annotate({ kind: 'split', entity: 'person:marieke-de-vries', alias: 'de Vries' });
  await index.annotate({ kind: 'rename', entity: 'place:rotterdam', name: 'Rotterdam (NL)' });
  await index.annotate({ kind: 'note', entity: 'place:rotterdam', note: '=HYPERLINK("http://evil"), "quoted", and a comma' });
  return index;
}

describe('index: exports and import', () => {
  const cells: [string | number, string][] = [
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+33 1 23', "'+33 1 23"],
    ['-rm', "'-rm"],
    ['@cmd', "'@cmd"],
    [-5, '-5'],
  ];
  for (const [value, expected] of cells) {
    it(`CSV cell ${JSON.stringify(value)} -> ${expected}`, () => {
      assert.equal(csvCell(value), expected);
      assert.deepEqual(parseCsv(toCsv([[value]])), [[expected.startsWith("'") ? expected : String(value)]]);
    });
  }

  it('entities CSV parses back to the registry', async () => {
    const index = await annotated();
    const [header, ...rows] = parseCsv(entitiesCsv(index));
    assert.deepEqual(header.slice(0, 4), ['id', 'type', 'canonical', 'aliases']);
    assert.deepEqual(rows.map((r) => [r[0], r[1], r[2], r[3], Number(r[5])]), index.entities().map((e) => [e.id, e.type, e.canonical, e.aliases.join(' | '), e.counts.mentions]));
    const rotterdam = rows.find((r) => r[0] === 'place:rotterdam') as string[];
    assert.equal(rotterdam[8], `'=HYPERLINK("http://evil"), "quoted", and a comma`);
    index.dispose();
  });

  it('mentions CSV has every non-rejected mention with its line and context', async () => {
    const index = await annotated();
    const [header, ...rows] = parseCsv(mentionsCsv(index));
    const total = index.entities().reduce((n, e) => n + e.counts.mentions, 0);
    assert.equal(rows.length, total);
    const col = (name: string) => header.indexOf(name);
    const zorblax = rows.find((r) => r[col('text')] === 'Zorblax' && r[col('document')] === 'a.txt') as string[];
    assert.deepEqual([zorblax[col('line')], zorblax[col('column')], zorblax[col('provenance')], zorblax[col('context')]], ['2', '1', 'manual', 'Zorblax agreed.']);
    assert.ok(rows.some((r) => r[col('context')].includes('"No deal," said')), 'quotes and commas survive');
    index.dispose();
  });

  it('Web Annotation JSON-LD imports back into a fresh index: same annotations, same mentions', async () => {
    const index = await annotated();
    const json = JSON.parse(JSON.stringify(toWebAnnotations(index)));
    assert.equal(json.type, 'AnnotationCollection');
    assert.equal(json['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
    const parsed = fromWebAnnotations(json, 'Importer', '2026-02-01T00:00:00Z');
    assert.equal(parsed.annotations.length, 9);
    assert.equal(parsed.rejected.length, 0);
    const fresh = (await openTestIndex(DOCS)).index;
    assert.deepEqual(await fresh.importAnnotations(parsed.annotations), { added: 9, duplicates: 0 });
    assert.deepEqual(fresh.annotations(), index.annotations());
    for (const path of index.documents()) {
      assert.deepEqual(fresh.getDocument(path)?.mentions, index.getDocument(path)?.mentions, path);
    }
    assert.deepEqual(await fresh.importAnnotations(parsed.annotations), { added: 0, duplicates: 9 });
    index.dispose();
    fresh.dispose();
  });

  it('imports typed quotes from another annotation tool, and refuses what is not annotations', async () => {
    const { index } = await openTestIndex(DOCS);
    const foreign = [
      {
        id: 'https://example.org/anno/1',
        type: 'Annotation',
        body: { type: 'TextualBody', value: 'person' },
        target: { source: 'b.txt', selector: [{ type: 'TextQuoteSelector', exact: 'Hall', prefix: 'met Zorblax and ', suffix: '. The' }, { type: 'TextPositionSelector', start: 39, end: 43 }] },
      },
      { id: 'https://example.org/anno/2', type: 'Annotation', body: { value: 'a comment' } },
    ];
    const parsed = fromWebAnnotations(foreign, 'Importer', '2026-02-01T00:00:00Z');
    assert.deepEqual(parsed.rejected.map((r) => r.id), ['https://example.org/anno/2']);
    await index.importAnnotations(parsed.annotations);
    assert.deepEqual(index.getDocument('b.txt')?.mentions.filter((m) => m.text === 'Hall').map((m) => [m.entity, m.provenance]), [['person:hall', 'manual']]);
    assert.throws(() => fromWebAnnotations({ hello: 1 }, 'x', 'y'), /Not a Web Annotation collection/);
    index.dispose();
  });

  it('GeoJSON has a Point (lon, lat) for each place with coordinates', async () => {
    const { index } = await openTestIndex(DOCS);
    const geo = JSON.parse(JSON.stringify(placesGeoJson(index)));
    assert.equal(geo.type, 'FeatureCollection');
    assert.deepEqual(geo.features.map((f: { properties: { id: string }; geometry: { coordinates: number[] } }) => [f.properties.id, f.geometry.coordinates]), [['place:rotterdam', [4.48, 51.92]]]);
    assert.equal(geo.features[0].properties.mentions, 2);
    index.dispose();
  });

  it('timeline CSV lists dated mentions with their sentence, in date order', async () => {
    const { index } = await openTestIndex(DOCS);
    const [header, ...rows] = parseCsv(timelineCsv(index));
    assert.deepEqual(header, ['date', 'label', 'text', 'document', 'line', 'sentence']);
    assert.deepEqual(rows, [['2023-03-13', 'Monday', 'Monday', 'a.txt', '1', 'Union negotiator Marieke de Vries spoke in Rotterdam on Monday.']]);
    index.dispose();
  });
});
