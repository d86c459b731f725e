import * as assert from 'assert';
import { spawn } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { FIXTURE_GLOSSARY_ARGS, ROOT, fixturePath, runCliCaptured } from './helpers';

const run = runCliCaptured;
const fixture = fixturePath;
const fixtureGlossary = FIXTURE_GLOSSARY_ARGS;
const OLD = fixture('china-belarus-2022.txt');
const NEW = fixture('diff/china-belarus-2022-edited.txt');

describe('cli diff', () => {
  it('prints JSON: old, new, every change with both commitments as extract gives them, terms by id', async () => {
    const { code, out, err } = await run('diff', OLD, NEW, '--format', 'json', ...fixtureGlossary);
    assert.strictEqual(code, 0, err);
    const json = JSON.parse(out);
    assert.deepStrictEqual(Object.keys(json), ['old', 'new', 'changes', 'terms']);
    assert.deepStrictEqual([json.old, json.new], [OLD, NEW]);
    assert.deepStrictEqual(json.terms, { added: [], dropped: ['sco', 'communist-party-of-china'] });
    const extracted = async (file: string) => JSON.parse((await run('extract', file, '--format', 'json', ...fixtureGlossary)).out).documents[0].commitments;
    const [oldCommitments, newCommitments] = [await extracted(OLD), await extracted(NEW)];
    // Every commitment of each document appears exactly once, as extract's JSON has it.
    const olds = json.changes.map((c: { old: unknown }) => c.old).filter(Boolean);
    const news = json.changes.map((c: { new: unknown }) => c.new).filter(Boolean);
    assert.deepStrictEqual(
      [...olds].sort((a, b) => a.line - b.line || a.column - b.column),
      oldCommitments,
    );
    assert.deepStrictEqual(
      [...news].sort((a, b) => a.line - b.line || a.column - b.column),
      newCommitments,
    );
    const kinds = json.changes.map((c: { change: string }) => c.change);
    assert.deepStrictEqual(kinds.filter((k: string) => k === 'kept').length, 6);
    const added = json.changes.filter((c: { change: string }) => c.change === 'added');
    assert.ok(added.every((c: { old: unknown }) => c.old === null));
    const negated = json.changes.find((c: { change: string }) => c.change === 'negated');
    assert.deepStrictEqual([negated.old.trigger, negated.old.negated, negated.new.trigger, negated.new.negated], ['opposes', false, 'does not oppose', true]);
  });

  it('prints a Markdown report: changes by kind with the changed words marked, then terms, then the kept count', async () => {
    const { code, out } = await run('diff', OLD, NEW, ...fixtureGlossary);
    assert.strictEqual(code, 0);
    const headings = out.split('\n').filter((l) => l.startsWith('## '));
    assert.deepStrictEqual(headings, [
      '## Negated (1)',
      '## Retyped (1)',
      '## Actor changed (1)',
      '## Strengthened (1)',
      '## Weakened (1)',
      '## Reworded (1)',
      '## Added (2)',
      '## Dropped (1)',
      '## Terms',
    ]);
    assert.match(out, /^6 changed, 2 added, 1 dropped, 6 kept; terms: 0 added, 2 dropped\.$/m);
    assert.match(out, /^ {2}- new, line 6: the Belarusian side — \*\*firmly\*\* supports all efforts made by the Chinese government/m);
    assert.match(out, /^ {2}- old, line 5: The two sides — ~~firmly~~ support each other/m);
    assert.match(out, /^- \*support: Belarus → China, Belarus\*$/m);
    assert.match(out, /^- Dropped: Shanghai Cooperation Organization \(`sco`\), Communist Party of China \(`communist-party-of-china`\)$/m);
    assert.ok(out.trimEnd().endsWith('6 commitments kept as they were.'));
  });

  it('prints CSV with a header, a row per change and a row per term', async () => {
    const { code, out } = await run('diff', OLD, NEW, '--format', 'csv', ...fixtureGlossary);
    assert.strictEqual(code, 0);
    const rows = out.trim().split('\n');
    assert.strictEqual(
      rows[0],
      'change,old_line,old_column,old_actor,old_parties,old_type,old_trigger,old_strength,old_negated,old_text,' +
        'new_line,new_column,new_actor,new_parties,new_type,new_trigger,new_strength,new_negated,new_text,term',
    );
    assert.strictEqual(rows.length, 1 + 15 + 2);
    assert.match(
      rows[1],
      /^retyped,9,15,The two sides,CN BY,pledge,will deepen,normal,false,will deepen the high-quality Belt and Road cooperation,3,18,The two sides,CN BY,support,welcome,/,
    );
    assert.ok(rows.some((r) => /^added,{9},\d+,/.test(r)));
    assert.deepStrictEqual(rows.slice(-2), ['term-dropped' + ','.repeat(19) + 'sco', 'term-dropped' + ','.repeat(19) + 'communist-party-of-china']);
  });

  it('names a missing or binary input and exits 1 without a report', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'da-cli-diff-'));
    const binary = path.join(dir, 'scan.statement');
    writeFileSync(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 0, 0xff, 0]));
    const missing = path.join(dir, 'missing.txt');
    const result = await run('diff', missing, binary, ...fixtureGlossary);
    assert.strictEqual(result.code, 1);
    assert.strictEqual(result.out, '');
    assert.deepStrictEqual(result.err.trim().split('\n'), [`${missing}: error: no such file`, `${binary}: error: is a binary file, not a text`]);
    const one = await run('diff', OLD, missing, '--format', 'json', ...fixtureGlossary);
    assert.deepStrictEqual([one.code, one.out, one.err.trim()], [1, '', `${missing}: error: no such file`]);
  });

  it('answers usage errors with exit 2: not two files, an unknown format', async () => {
    for (const argv of [['diff', OLD], ['diff', OLD, NEW, NEW], ['diff', OLD, NEW, '--format', 'html'], ['diff']]) {
      const { code, out, err } = await run(...argv);
      assert.strictEqual(code, 2, argv.join(' '));
      assert.strictEqual(out, '');
      assert.match(err, /^diplomatic-annotator: (diff needs two files|unknown format 'html' for diff)/);
    }
    assert.match((await run('--help')).out, /^ {2}diff OLD NEW {9}What changed between two statements/m);
  });

  it('runs as the built command (dist/cli.js) with the built-in glossary', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'diff', OLD, NEW, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.strictEqual(code, 0, err);
    const json = JSON.parse(out);
    assert.deepStrictEqual(
      json.changes.map((c: { change: string }) => c.change).filter((k: string) => k !== 'kept'),
      ['retyped', 'weakened', 'strengthened', 'negated', 'actor-changed', 'reworded', 'dropped', 'added', 'added'],
    );
    assert.ok(json.terms.dropped.includes('sco'));
  });

  it('prints what the README shows for the reference statement against its edited copy', async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /```\n\$ node dist\/cli\.js diff (\S+) (\S+)\n([\s\S]*?)```/.exec(readme);
    assert.ok(block, 'no diff example in the README');
    const { code, out } = await run('diff', block[1], block[2]);
    assert.strictEqual(code, 0);
    const lines = out.split('\n');
    // Every line shown is printed, in that order ("…" stands for lines left out).
    let at = 0;
    for (const line of block[3].split('\n').filter((l) => l && l !== '…')) {
      const found = lines.indexOf(line, at);
      assert.ok(found >= 0, `not printed (in this order): ${line}`);
      at = found + 1;
    }
  });
});
