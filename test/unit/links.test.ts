// Entity links in notes: what a researcher writes and what Dossier reads back.
import * as assert from 'assert';
import {
  candidateEntityIds,
  entityLinkAt,
  formatEntityLink,
  linkCompletionContext,
  linkMatchesName,
  parseEntityLinks,
} from '../../src/core/links';
import { EntityType } from '../../src/core/model';
import * as fs from 'fs';
import * as path from 'path';

describe('entity links', () => {
  describe('parseEntityLinks', () => {
    const cases: { text: string; want: { name: string; type?: EntityType; label?: string; span: string }[] }[] = [
      { text: 'See [[Amina Diallo]] for context.', want: [{ name: 'Amina Diallo', span: '[[Amina Diallo]]' }] },
      { text: '[[person:Petra Novak]]', want: [{ name: 'Petra Novak', type: 'PERSON', span: '[[person:Petra Novak]]' }] },
      { text: '[[org:WMO]] and [[place:Geneva]]', want: [
        { name: 'WMO', type: 'ORG', span: '[[org:WMO]]' },
        { name: 'Geneva', type: 'PLACE', span: '[[place:Geneva]]' },
      ] },
      { text: '[[Organisation: Red Cross ]]', want: [{ name: 'Red Cross', type: 'ORG', span: '[[Organisation: Red Cross ]]' }] },
      { text: '[[organization:UNECE]]', want: [{ name: 'UNECE', type: 'ORG', span: '[[organization:UNECE]]' }] },
      { text: '[[date:2023-06-09]]', want: [{ name: '2023-06-09', type: 'DATE', span: '[[date:2023-06-09]]' }] },
      { text: '[[Viktor Orbán|the prime minister]]', want: [{ name: 'Viktor Orbán', label: 'the prime minister', span: '[[Viktor Orbán|the prime minister]]' }] },
      // An unknown prefix is part of the name: "Re: Geneva" is a plausible note title.
      { text: '[[Re: Geneva]]', want: [{ name: 'Re: Geneva', span: '[[Re: Geneva]]' }] },
      { text: 'Nothing here [[ ]] or [[]] or [single]', want: [] },
      // An unclosed link must not swallow the next line's link.
      { text: 'broken [[Amina\nthen [[WMO]]', want: [{ name: 'WMO', span: '[[WMO]]' }] },
      { text: '[[a [[Geneva]]', want: [{ name: 'Geneva', span: '[[Geneva]]' }] },
      { text: 'Accents: [[Sécurité Intérieure]]', want: [{ name: 'Sécurité Intérieure', span: '[[Sécurité Intérieure]]' }] },
    ];
    for (const c of cases) {
      it(`reads ${JSON.stringify(c.text)}`, () => {
        const got = parseEntityLinks(c.text);
        assert.deepStrictEqual(
          got.map((l) => ({ name: l.name, ...(l.type ? { type: l.type } : {}), ...(l.label ? { label: l.label } : {}), span: c.text.slice(l.start, l.end) })),
          c.want,
        );
        for (const l of got) assert.strictEqual(c.text.slice(l.nameStart, l.nameEnd), l.name, 'name offsets point at the name');
      });
    }
  });

  describe('entityLinkAt', () => {
    const text = 'Intro line\nMet [[Petra Novak]] and [[org:IFRC]] today.\n';
    const cases: { at: string; offsetInNeedle: number; want: string | undefined }[] = [
      { at: '[[Petra', offsetInNeedle: 0, want: 'Petra Novak' },
      { at: 'Novak]]', offsetInNeedle: 3, want: 'Petra Novak' },
      { at: 'IFRC', offsetInNeedle: 2, want: 'IFRC' },
      { at: ' and ', offsetInNeedle: 2, want: undefined },
      { at: 'Intro', offsetInNeedle: 1, want: undefined },
    ];
    for (const c of cases) {
      it(`finds ${c.want ?? 'nothing'} at ${JSON.stringify(c.at)}+${c.offsetInNeedle}`, () => {
        const offset = text.indexOf(c.at) + c.offsetInNeedle;
        assert.strictEqual(entityLinkAt(text, offset)?.name, c.want);
      });
    }
    it('gives offsets into the whole text, not the line', () => {
      const l = entityLinkAt(text, text.indexOf('IFRC'));
      assert.ok(l);
      assert.strictEqual(text.slice(l.start, l.end), '[[org:IFRC]]');
    });
  });

  describe('linkCompletionContext', () => {
    const cases: { before: string; want: ReturnType<typeof linkCompletionContext> }[] = [
      { before: 'See [[', want: { partial: '', nameStart: 6 } },
      { before: 'See [[Ami', want: { partial: 'Ami', nameStart: 6 } },
      { before: '[[person:Pe', want: { partial: 'Pe', nameStart: 9, type: 'PERSON' } },
      { before: '[[place:', want: { partial: '', nameStart: 8, type: 'PLACE' } },
      { before: '[[done]] then', want: undefined },
      { before: '[[name|lab', want: undefined },
      { before: 'no link', want: undefined },
    ];
    for (const c of cases) {
      it(`after ${JSON.stringify(c.before)}`, () => assert.deepStrictEqual(linkCompletionContext(c.before), c.want));
    }
  });

  describe('resolution helpers', () => {
    it('derives the typed id first, or one per type', () => {
      assert.deepStrictEqual(candidateEntityIds({ name: 'Amina Diallo', type: 'PERSON' }), ['person:amina-diallo']);
      assert.deepStrictEqual(candidateEntityIds({ name: 'Geneva' }), ['person:geneva', 'org:geneva', 'place:geneva', 'date:geneva']);
    });
    it('matches names accent- and case-folded', () => {
      assert.ok(linkMatchesName({ name: 'viktor orban' }, 'Viktor Orbán'));
      assert.ok(!linkMatchesName({ name: 'Viktor' }, 'Viktor Orbán'));
    });
    it('formats links that parse back to the same name and type', () => {
      for (const [name, type] of [['Amina Diallo', 'PERSON'], ['WMO', 'ORG'], ['Geneva', undefined]] as [string, EntityType | undefined][]) {
        const [l] = parseEntityLinks(formatEntityLink(name, type));
        assert.strictEqual(l.name, name);
        assert.strictEqual(l.type, type);
      }
    });
  });

  // The TextMate grammar colours what the parser reads: same names on the same inputs.
  describe('injection grammar', () => {
    const root = path.resolve(__dirname, '../../..');
    const grammar = JSON.parse(fs.readFileSync(path.join(root, 'syntaxes/dossier-links.tmLanguage.json'), 'utf8'));
    // Oniguruma's scoped (?i:…) is the only construct JavaScript lacks; the rest of the
    // pattern is case-free punctuation, so a global `i` flag is equivalent.
    const source: string = grammar.repository['entity-link'].match;
    const re = new RegExp(source.replace('(?i:', '(?:'), 'gi');
    const notes = [
      'See [[Amina Diallo]] and [[person:Petra Novak]].',
      '[[org:WMO]], [[Organisation: Red Cross ]] and [[Viktor Orbán|the prime minister]]',
      '[[Re: Geneva]] [[ ]] [[]] [single] [[a [[Geneva]]',
      'broken [[Amina\nthen [[WMO]] [[date:2023-06-09]]',
    ];
    for (const note of notes) {
      it(`highlights exactly the parsed links in ${JSON.stringify(note)}`, () => {
        const highlighted = [...note.matchAll(re)].map((m) => ({ span: m[0], name: m[4].trim() }));
        const parsed = parseEntityLinks(note).map((l) => ({ span: note.slice(l.start, l.end), name: l.name }));
        assert.deepStrictEqual(highlighted, parsed);
      });
    }
    it('injects into Markdown outside code and into plain text', () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
      const contributed = pkg.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === grammar.scopeName);
      assert.deepStrictEqual(contributed.injectTo.sort(), ['text.html.markdown', 'text.plain']);
      assert.match(grammar.injectionSelector, /-markup\.fenced_code/);
      assert.ok(pkg.contributes.grammars.some((g: { language?: string; scopeName: string }) => g.language === 'plaintext' && g.scopeName === 'text.plain'));
    });
  });
});
