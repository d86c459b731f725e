/**
 * Colours in the default themes: the scopes our semantic tokens map to must give parties,
 * principles and institutions colours far apart in Light Modern, Light+, Dark Modern and Dark+
 * (read from the theme files of the running VS Code), and actor phrases are coloured as parties.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activate, open, waitFor } from './helpers';

type Rule = { scope: string; foreground?: string };

/** A theme's TextMate rules, its `include` first (theme files are JSON with comments). */
async function themeRules(themes: vscode.Uri, file: string): Promise<Rule[]> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(themes, file)));
  const theme = JSON.parse(text.replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[}\]])/g, '$1')) as {
    include?: string;
    tokenColors?: { scope?: string | string[]; settings: { foreground?: string } }[];
  };
  const rules = theme.include ? await themeRules(themes, theme.include.replace(/^\.\//, '')) : [];
  for (const c of theme.tokenColors ?? []) {
    const scopes = typeof c.scope === 'string' ? c.scope.split(',') : (c.scope ?? []);
    for (const scope of scopes) rules.push({ scope: scope.trim(), foreground: c.settings.foreground });
  }
  return rules;
}

/** The foreground a theme gives a scope: its most specific matching rule (the last of equals). */
function foregroundOf(rules: Rule[], scope: string): string | undefined {
  let best: { depth: number; colour: string } | undefined;
  for (const rule of rules) {
    if (!rule.foreground || rule.scope.includes(' ')) continue;
    if (scope !== rule.scope && !scope.startsWith(`${rule.scope}.`)) continue;
    const depth = rule.scope.split('.').length;
    if (!best || depth >= best.depth) best = { depth, colour: rule.foreground };
  }
  return best?.colour;
}

/** CIE76 colour difference of two #rrggbb colours (about 2.3 is just noticeable; under 40, alike at a glance). */
function deltaE(a: string, b: string): number {
  const lab = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c > 0.04045 ? ((c + 0.055) / 1.055) ** 2.4 : c / 12.92;
    });
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = f((r * 0.4124 + g * 0.3576 + bl * 0.1805) / 0.95047);
    const y = f(r * 0.2126 + g * 0.7152 + bl * 0.0722);
    const z = f((r * 0.0193 + g * 0.1192 + bl * 0.9505) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

describe('colours in the default themes', () => {
  before(activate);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('gives parties, principles and institutions distinct colours in Light/Dark Modern and Light/Dark+', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { semanticTokenScopes: { language?: string; scopes: Record<string, string[]> }[] };
    };
    const [mapping] = manifest.contributes.semanticTokenScopes;
    // No `language`: the mapping applies to plain text and Markdown as well, once turned on.
    assert.strictEqual(mapping.language, undefined);
    const themes = vscode.extensions.getExtension('vscode.theme-defaults');
    assert.ok(themes, 'the default themes are built in');
    const folder = vscode.Uri.joinPath(themes.extensionUri, 'themes');
    for (const file of ['light_modern.json', 'light_plus.json', 'dark_modern.json', 'dark_plus.json']) {
      const rules = await themeRules(folder, file);
      const colours = Object.fromEntries(['party', 'principle', 'institution'].map((kind) => [kind, foregroundOf(rules, mapping.scopes[kind][0])]));
      for (const [kind, colour] of Object.entries(colours)) assert.ok(colour, `${file}: no colour for ${kind}`);
      const pairs: [string, string][] = [
        ['party', 'principle'],
        ['party', 'institution'],
        ['principle', 'institution'],
      ];
      for (const [a, b] of pairs) {
        const difference = deltaE(colours[a]!, colours[b]!);
        assert.ok(difference >= 40, `${file}: ${a} ${colours[a]} and ${b} ${colours[b]} look alike (ΔE ${difference.toFixed(0)})`);
      }
    }
  });

  it('colours "The two sides" as a party', async () => {
    const { document } = await open('china-belarus-2022.statement');
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    const tokens = await waitFor(() => vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri), 'semantic tokens');
    const found: string[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
      found.push(`${document.getText(new vscode.Range(line, character, line, character + tokens.data[i + 2]))}=${legend.tokenTypes[tokens.data[i + 3]]}`);
    }
    assert.ok(found.includes('The two sides=party'), JSON.stringify(found));
  });
});
