// The `[[Entity]]` injection grammar, tokenised by the host's own VS Code (its vscode-textmate,
// oniguruma and Markdown grammar from env.appRoot) with the grammars as package.json
// contributes them: links are coloured in Markdown prose and plain text, never in code.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './navFixture';

interface GrammarContribution {
  scopeName: string;
  path: string;
  language?: string;
  injectTo?: string[];
}
interface Token {
  startIndex: number;
  endIndex: number;
  scopes: string[];
}
interface Grammar {
  tokenizeLine(line: string, stack: unknown): { tokens: Token[]; ruleStack: unknown };
}

/** What the user sees coloured as a link: "[[" "person" ":" "Name" "]]" pieces, by scope. */
type Tokenise = (scope: string, text: string) => Promise<string[][]>;

suite('nav: entity-link grammar in VS Code\'s tokenizer', () => {
  let tokenise: Tokenise;

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const appRoot = vscode.env.appRoot;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tm = require(path.join(appRoot, 'node_modules', 'vscode-textmate'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const onig = require(path.join(appRoot, 'node_modules', 'vscode-oniguruma'));
    await onig.loadWASM(fs.readFileSync(path.join(appRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')).buffer);
    const ours: GrammarContribution[] = ext.packageJSON.contributes.grammars;
    const files = new Map<string, string>([['text.html.markdown', path.join(appRoot, 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json')]]);
    for (const g of ours) files.set(g.scopeName, path.join(ext.extensionPath, g.path));
    const registry = new tm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (s: string[]) => new onig.OnigScanner(s), createOnigString: (s: string) => new onig.OnigString(s) }),
      loadGrammar: async (scope: string) => {
        const file = files.get(scope);
        return file ? tm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
      },
      // As VS Code does: an injection applies to every scope listed in its injectTo.
      getInjections: (scope: string) => ours.filter((g) => g.injectTo?.includes(scope)).map((g) => g.scopeName),
    });
    tokenise = async (scope, text) => {
      const grammar: Grammar = await registry.loadGrammar(scope);
      let stack = tm.INITIAL;
      return text.split('\n').map((line) => {
        const r = grammar.tokenizeLine(line, stack);
        stack = r.ruleStack;
        return r.tokens.filter((t) => t.scopes.some((s) => s.endsWith('.dossier'))).map((t) => line.slice(t.startIndex, t.endIndex));
      });
    };
  });

  const cases: { name: string; scope: string; text: string; want: string[][] }[] = [
    { name: 'Markdown heading', scope: 'text.html.markdown', text: '# Notes on [[Danube]]', want: [['[[', 'Danube', ']]']] },
    { name: 'Markdown prose, typed link with label, inside bold', scope: 'text.html.markdown', text: 'See [[person:Amina Diallo|Diallo]] and **[[WMO]]**.', want: [['[[', 'person', ':', 'Amina Diallo', '|', 'Diallo', ']]', '[[', 'WMO', ']]']] },
    { name: 'Markdown list item', scope: 'text.html.markdown', text: '- item [[place:Geneva]]', want: [['[[', 'place', ':', 'Geneva', ']]']] },
    { name: 'Markdown fenced code is left alone', scope: 'text.html.markdown', text: '```\ncode [[Not A Link]]\n```', want: [[], [], []] },
    { name: 'Markdown inline code is left alone', scope: 'text.html.markdown', text: 'Inline `[[nolink]]` here.', want: [[]] },
    { name: 'plain text', scope: 'text.plain', text: 'Plain [[org:UNECE]] and [[Rotterdam]].', want: [['[[', 'org', ':', 'UNECE', ']]', '[[', 'Rotterdam', ']]']] },
    { name: 'plain text: empty and unclosed brackets are not links', scope: 'text.plain', text: '[[ ]] and [[open', want: [[]] },
  ];
  for (const c of cases) {
    test(c.name, async () => assert.deepStrictEqual(await tokenise(c.scope, c.text), c.want));
  }

  test('plain text gets a root scope for the injection (VS Code ships none)', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const grammars: GrammarContribution[] = ext.packageJSON.contributes.grammars;
    assert.ok(grammars.some((g) => g.language === 'plaintext' && g.scopeName === 'text.plain'));
  });
});
