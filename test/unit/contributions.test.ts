// The manifest against the code: every command and view that package.json contributes (commands,
// menus, key bindings, views, and the command links of the welcome view and the walkthrough) is
// registered by the extension, and every command and view it registers is declared. Read from the
// sources (registerCommand / createTreeView / register…ViewProvider calls, with their ids written
// out or named by a string constant); test/integration/contributions.test.ts checks the same in a
// running VS Code.
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { ROOT } from './helpers';

interface Registrations {
  commands: Set<string>;
  views: Set<string>;
}

/** The commands and views that the sources under `files` register, with constant ids resolved. */
function registrations(files: Map<string, string>): Registrations {
  const constants = new Map<string, string>();
  for (const text of files.values()) {
    for (const m of text.matchAll(/\bconst (\w+) = '([^']+)'/g)) constants.set(m[1], m[2]);
  }
  const ids = (pattern: RegExp): Set<string> => {
    const out = new Set<string>();
    for (const [file, text] of files) {
      for (const m of text.matchAll(pattern)) {
        const id = m[1] ?? constants.get(m[2]);
        assert.ok(id !== undefined, `${file}: cannot tell which id ${m[0]} registers`);
        out.add(id);
      }
    }
    return out;
  };
  return {
    commands: ids(/\bregister(?:TextEditor)?Command\(\s*(?:'([^']+)'|(\w+))/g),
    views: ids(/\b(?:createTreeView|registerTreeDataProvider|registerWebviewViewProvider)\(\s*(?:'([^']+)'|(\w+))/g),
  };
}

/** The commands and views that a manifest's `contributes` declares or refers to. */
function declarations(contributes: Record<string, unknown>): { declared: Registrations; used: Registrations } {
  const commands = (contributes.commands as { command: string }[] | undefined) ?? [];
  const menus = Object.values((contributes.menus as Record<string, { command?: string }[]> | undefined) ?? {}).flat();
  const keybindings = (contributes.keybindings as { command: string }[] | undefined) ?? [];
  const views = Object.values((contributes.views as Record<string, { id: string }[]> | undefined) ?? {}).flat();
  // Command links in Markdown (`command:x.y?args`) and walkthrough completion events (`onCommand:x.y`).
  const text = JSON.stringify(contributes);
  const links = [...text.matchAll(/\b(?:command|onCommand):(diplomaticAnnotator\.\w+)/g)].map((m) => m[1]);
  const viewEvents = [...text.matchAll(/\bonView:([\w.]+)/g)].map((m) => m[1]);
  const welcome = ((contributes.viewsWelcome as { view: string }[] | undefined) ?? []).map((w) => w.view);
  return {
    declared: { commands: new Set(commands.map((c) => c.command)), views: new Set(views.map((v) => v.id)) },
    used: {
      commands: new Set([...menus.flatMap((m) => (m.command ? [m.command] : [])), ...keybindings.map((k) => k.command), ...links]),
      views: new Set([...viewEvents, ...welcome]),
    },
  };
}

/** What disagrees between the manifest and the registrations, one line each; empty when they agree. */
function mismatches(contributes: Record<string, unknown>, registered: Registrations): string[] {
  const { declared, used } = declarations(contributes);
  const out: string[] = [];
  for (const what of ['commands', 'views'] as const) {
    for (const id of declared[what]) if (!registered[what].has(id)) out.push(`${id}: declared in contributes.${what} but never registered`);
    for (const id of registered[what]) if (!declared[what].has(id)) out.push(`${id}: registered but not declared in contributes.${what}`);
    for (const id of used[what]) if (!declared[what].has(id)) out.push(`${id}: used in package.json but not declared in contributes.${what}`);
  }
  return out;
}

function sources(): Map<string, string> {
  const files = new Map<string, string>();
  const src = path.join(ROOT, 'src');
  for (const f of readdirSync(src, { recursive: true }) as string[]) {
    if (f.endsWith('.ts')) files.set(`src/${f.replace(/\\/g, '/')}`, readFileSync(path.join(src, f), 'utf8'));
  }
  return files;
}

describe('contributions', () => {
  const contributes = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).contributes as Record<string, unknown>;
  const files = sources();

  it('register every command and view package.json declares, and declare every one registered', () => {
    const registered = registrations(files);
    assert.ok(registered.commands.size >= 10 && registered.views.has('diplomaticAnnotator.commitments'), JSON.stringify([...registered.commands]));
    assert.deepStrictEqual(mismatches(contributes, registered), []);
  });

  it('give every command and view the extension prefix', () => {
    const { declared } = declarations(contributes);
    for (const id of [...declared.commands, ...declared.views]) assert.match(id, /^diplomaticAnnotator\.\w+$/);
  });

  it('report a command declared but not registered, registered but not declared, or used but not declared (the check can fail)', () => {
    // A registration removed from the sources.
    const withoutSample = new Map(files);
    for (const [file, text] of files) withoutSample.set(file, text.replace(/registerCommand\('diplomaticAnnotator\.openSample'/, "noCommand('x'"));
    assert.deepStrictEqual(mismatches(contributes, registrations(withoutSample)), ['diplomaticAnnotator.openSample: declared in contributes.commands but never registered']);

    // A command registered through a constant and dropped from the manifest.
    const fewer = { ...contributes, commands: (contributes.commands as { command: string }[]).filter((c) => c.command !== 'diplomaticAnnotator.showTermsInUse') };
    assert.deepStrictEqual(mismatches(fewer, registrations(files)), [
      'diplomaticAnnotator.showTermsInUse: registered but not declared in contributes.commands',
      'diplomaticAnnotator.showTermsInUse: used in package.json but not declared in contributes.commands',
    ]);

    // A key binding, and a view, that nothing declares.
    const stray = { ...contributes, keybindings: [{ command: 'diplomaticAnnotator.nothing', key: 'ctrl+alt+d' }], views: { explorer: [] } };
    assert.deepStrictEqual(mismatches(stray, registrations(files)), [
      'diplomaticAnnotator.nothing: used in package.json but not declared in contributes.commands',
      'diplomaticAnnotator.commitments: registered but not declared in contributes.views',
      'diplomaticAnnotator.commitments: used in package.json but not declared in contributes.views',
    ]);
  });

  it('activate on statements, glossaries and the languages one can turn on, never in every window', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepStrictEqual(activationProblems(manifest), []);
    // The check can fail: a window-wide event, or a language the status item offers but that does not activate.
    assert.deepStrictEqual(activationProblems({ ...manifest, activationEvents: [...manifest.activationEvents, 'onStartupFinished'] }), [
      'onStartupFinished activates the extension in every window',
    ]);
    const noMarkdown = manifest.activationEvents.filter((e: string) => e !== 'onLanguage:markdown');
    assert.deepStrictEqual(activationProblems({ ...manifest, activationEvents: noMarkdown }), ['no onLanguage:markdown, though the extension can be turned on for markdown']);
  });
});

interface ActivationManifest {
  activationEvents: string[];
  contributes: { configuration: { properties: Record<string, { default?: unknown }> }; menus: Record<string, { command?: string; when?: string }[]> };
}

/**
 * What is wrong with the activation events: an event that fires in every window (`*`,
 * `onStartupFinished`), or a language missing among those the extension is on for by default
 * (`diplomaticAnnotator.languages`) and those "Turn On for This File's Language" offers (its
 * `when` clause), where the language status item must appear.
 */
function activationProblems(manifest: ActivationManifest): string[] {
  const events = new Set(manifest.activationEvents);
  const out: string[] = [];
  for (const event of ['*', 'onStartupFinished']) if (events.has(event)) out.push(`${event} activates the extension in every window`);
  const defaults = manifest.contributes.configuration.properties['diplomaticAnnotator.languages'].default as string[];
  const enable = manifest.contributes.menus.commandPalette.find((m) => m.command === 'diplomaticAnnotator.enableForLanguage');
  const offered = [...(enable?.when ?? '').matchAll(/editorLangId == (\w+)/g)].map((m) => m[1]);
  for (const language of new Set([...defaults, ...offered])) {
    if (!events.has(`onLanguage:${language}`)) out.push(`no onLanguage:${language}, though the extension can be turned on for ${language}`);
  }
  for (const pattern of ['**/*.statement', '**/*.glossary.yaml', '**/*.glossary.yml']) {
    if (!events.has(`workspaceContains:${pattern}`)) out.push(`no workspaceContains:${pattern}`);
  }
  return out;
}
