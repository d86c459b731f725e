import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'fs';
import { availableParallelism, tmpdir } from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli';
import * as analyzeCore from '../../src/core/analyze';
import { MAX_INPUT_BYTES } from '../../src/node/files';
import { FIXTURE_GLOSSARY_ARGS, ROOT, fixturePath, joinLines, runCliCaptured } from './helpers';

const run = runCliCaptured;
const fixture = fixturePath;
const fixtureGlossary = FIXTURE_GLOSSARY_ARGS;

describe('cli', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'da-cli-'));
  });

  it('extracts JSON with 1-based lines and UTF-16 columns', async () => {
    const { code, out, err } = await run('extract', fixture('china-belarus-2022.txt'), '--format', 'json', ...fixtureGlossary);
    assert.strictEqual(code, 0, err);
    const doc = JSON.parse(out).documents[0];
    assert.deepStrictEqual(doc.parties, [
      { id: 'CN', name: 'China' },
      { id: 'BY', name: 'Belarus' },
    ]);
    const gdi = doc.terms.find((t: { id: string }) => t.id === 'global-development-initiative');
    assert.deepStrictEqual(gdi, { id: 'global-development-initiative', kind: 'initiative', text: 'Global Development Initiative', line: 8, column: 34, length: 29 });
    assert.strictEqual(doc.commitments.length, 13);
    assert.deepStrictEqual(doc.commitments[0], {
      actor: 'The two sides',
      parties: ['CN', 'BY'],
      type: 'pledge',
      trigger: 'agreed to upgrade',
      strength: 'normal',
      negated: false,
      text: 'agreed to upgrade China-Belarus relations to all-weather comprehensive strategic partnership',
      line: 4,
      column: 15,
      length: 92,
    });
  });

  it('streams JSON identical to the report object', async () => {
    const { out } = await run('extract', fixture('china-belarus-2022.txt'), fixture('zh-joint-statement.txt'), '--format', 'json', ...fixtureGlossary);
    const { analyze } = await import('./helpers');
    const { toDocumentReport } = await import('../../src/core/report');
    const expected = [fixture('china-belarus-2022.txt'), fixture('zh-joint-statement.txt')].map((f) =>
      toDocumentReport(f, readFileSync(f, 'utf8'), analyze(readFileSync(f, 'utf8'))),
    );
    assert.deepStrictEqual(JSON.parse(out), { documents: expected });
  });

  it('counts columns in UTF-16 code units for Chinese text', async () => {
    const { out } = await run('extract', fixture('zh-joint-statement.txt'), '--format', 'json', ...fixtureGlossary);
    const doc = JSON.parse(out).documents[0];
    assert.strictEqual(doc.language, 'zh');
    const oneChina = doc.terms.find((t: { id: string }) => t.id === 'one-china-principle');
    assert.deepStrictEqual([oneChina.line, oneChina.column, oneChina.length], [6, 7, 6]);
  });

  it('prints a Markdown outline by default and CSV on request', async () => {
    const md = await run('extract', fixture('china-belarus-2022.txt'), ...fixtureGlossary);
    assert.match(md.out, /^## Belarus \(BY\) — 4 commitments$/m);
    assert.match(md.out, /^- line 8: The Belarusian side: \*\*supports\*\* — supports the Global Development Initiative/m);
    const csv = await run('extract', fixture('treaty-excerpt.txt'), '--format', 'csv', ...fixtureGlossary);
    const rows = csv.out.trim().split('\n');
    assert.strictEqual(rows[0], 'file,line,column,actor,parties,type,trigger,strength,negated,text,note');
    assert.strictEqual(rows.length, 6);
    assert.match(rows[3], /,17,18,Neither Party,CL PE,pledge,shall grant,normal,true,/);
  });

  it('prints notes in every format: a note key in JSON, a note column in CSV, a line in Markdown', async () => {
    const file = fixture('chile-viet-nam.statement');
    const json = await run('extract', file, '--format', 'json', ...fixtureGlossary);
    const doc = JSON.parse(json.out).documents[0];
    assert.strictEqual(doc.commitments[3].note, 'wording of the 2017 statement');
    assert.strictEqual(doc.terms.find((t: { text: string }) => t.text === 'comprehensive partnership').note, 'the first such title for either side in Latin America');
    assert.deepStrictEqual(
      doc.notes.map((n: { line: number; text: string }) => [n.line, n.text]),
      [
        [8, 'comprehensive partnership'],
        [11, 'reaffirm their commitment to the Charter of the United Nations'],
      ],
    );
    const csv = (await run('extract', file, '--format', 'csv', ...fixtureGlossary)).out.trim().split('\n');
    assert.match(csv[0], /,text,note$/);
    assert.match(csv[4], /,reaffirm their commitment to the Charter of the United Nations,wording of the 2017 statement$/);
    const md = (await run('extract', file, ...fixtureGlossary)).out;
    assert.match(md, /^## Chile, Viet Nam \(CL, VN\) — 4 commitments$/m);
    assert.match(md, /^ {2}- \*Note:\* wording of the 2017 statement$/m);
    assert.match(md, /^- line 11: “reaffirm their commitment to the Charter of the United Nations” — wording of the 2017 statement$/m);
  });

  it('names each bad input, still processes the good ones, and exits 1', async () => {
    const binary = path.join(dir, 'image.statement');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0]));
    const folder = path.join(dir, 'folder');
    mkdirSync(folder);
    const { code, out, err } = await run('extract', path.join(dir, 'missing.txt'), binary, folder, fixture('treaty-excerpt.txt'), '--format', 'json', ...fixtureGlossary);
    assert.strictEqual(code, 1);
    assert.deepStrictEqual(err.trim().split('\n'), [
      `${path.join(dir, 'missing.txt')}: error: no such file`,
      `${binary}: error: is a binary file, not a text`,
      `${folder}: error: is a directory with no statements (*.statement, *.txt, *.md, searched recursively)`,
    ]);
    assert.strictEqual(JSON.parse(out).documents.length, 1);
  });

  it('reads CRLF, a BOM and UTF-16 to the same lines and columns as LF UTF-8', async () => {
    const text = joinLines('China and Belarus met.', 'The Belarusian side supports the Global Development Initiative.');
    const variants: [string, Buffer][] = [
      ['lf.txt', Buffer.from(text, 'utf8')],
      ['crlf.txt', Buffer.from('\ufeff' + text.replace(/\n/g, '\r\n'), 'utf8')],
      ['utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')])],
    ];
    const results = [];
    for (const [name, bytes] of variants) {
      writeFileSync(path.join(dir, name), bytes);
      const { out } = await run('extract', path.join(dir, name), '--format', 'json', ...fixtureGlossary);
      const doc = JSON.parse(out).documents[0];
      results.push(
        JSON.stringify([
          doc.terms.map((t: { line: number; column: number }) => [t.line, t.column]),
          doc.commitments.map((c: { line: number; column: number; length: number }) => [c.line, c.column, c.length]),
        ]),
      );
    }
    assert.strictEqual(results[1], results[0]);
    assert.strictEqual(results[2], results[0]);
  });

  it('reports glossary problems as file:line:column and exits 1', async () => {
    const bad = path.join(dir, 'bad.glossary.yaml');
    writeFileSync(bad, joinLines('terms:', '  - term: Kenya', '    kind: country'));
    const check = await run('check', bad);
    assert.strictEqual(check.code, 1);
    assert.strictEqual(
      check.err.trim(),
      `${bad}:3:11: error: unknown kind \`country\` (expected one of party, principle, initiative, institution, partnership, agreement, person, concept)`,
    );
    const extract = await run('extract', fixture('treaty-excerpt.txt'), '--glossary', bad, '--format', 'json');
    assert.strictEqual(extract.code, 1);
    assert.strictEqual(JSON.parse(extract.out).documents.length, 1, 'the statement is still processed');
  });

  it('check: `see` may name a built-in entry; a dangling `see` is one warning at its id', async () => {
    const mine = path.join(dir, 'see.glossary.yaml');
    writeFileSync(mine, joinLines('terms:', '  - term: Minsk Declaration', '    kind: agreement', '    see: [BY, global-development-initiative]'));
    const fine = await run('check', mine);
    assert.deepStrictEqual([fine.code, fine.err], [0, '1 glossary file OK: 1 entries\n']);
    writeFileSync(mine, joinLines('terms:', '  - term: Minsk Declaration', '    kind: agreement', '    see: [BY, nowhere]'));
    const dangling = await run('check', mine);
    assert.strictEqual(dangling.code, 0);
    assert.deepStrictEqual(dangling.err.trim().split('\n'), [
      `${mine}:4:15: warning: \`see\` of \`minsk-declaration\` names \`nowhere\`, which no glossary defines`,
      '1 glossary file OK: 1 entries',
    ]);
    // Without the built-in glossary, BY is not defined either.
    const alone = await run('check', mine, '--no-builtin');
    assert.match(alone.err, /see.glossary.yaml:4:11: warning: `see` of `minsk-declaration` names `BY`, which no glossary defines/);
  });

  it('check: the problems of a statement, located, from the same list the editor shows (exit 1)', async () => {
    const statement = path.join(dir, 'typo.statement');
    writeFileSync(statement, joinLines('---', 'parties: [CN, BYY]', '---', 'The [Belarusian side]{#belarus-side} supports [it]{.initiativ}.'));
    const clean = path.join(dir, 'clean.statement');
    writeFileSync(clean, joinLines('---', 'parties: [CN, BY]', '---', 'The [Belarusian side]{#BY} supports it.'));
    const { code, err } = await run('check', statement, clean);
    assert.strictEqual(code, 1);
    assert.deepStrictEqual(err.trim().split('\n'), [
      `${statement}:2:15: warning: front matter: party \`BYY\` is not in any glossary`,
      `${statement}:4:24: warning: annotation names \`#belarus-side\`, which no glossary defines`,
      `${statement}:4:53: warning: unknown annotation class \`.initiativ\` (expected a term kind or .commitment)`,
      '1 statement OK',
    ]);
    // A glossary given beside it defines the id.
    const mine = path.join(dir, 'sides.glossary.yaml');
    writeFileSync(mine, joinLines('terms:', '  - id: belarus-side', '    term: Belarusian delegation', '    kind: party'));
    const withGlossary = await run('check', mine, statement);
    assert.doesNotMatch(withGlossary.err, /belarus-side/, withGlossary.err);
    assert.match(withGlossary.err, /BYY/);
  });

  it('check warns about entries whose asOf is older than --max-age-days, at their line, and still exits 0', async () => {
    const file = path.join(dir, 'dated.glossary.yaml');
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    writeFileSync(
      file,
      joinLines(
        'terms:',
        '  - id: old',
        '    term: Old',
        '    kind: concept',
        `    asOf: ${daysAgo(400)}`,
        '  - id: recent',
        '    term: Recent',
        '    kind: concept',
        `    asOf: ${daysAgo(10)}`,
      ),
    );
    const byDefault = await run('check', file);
    assert.strictEqual(byDefault.code, 0, byDefault.err);
    assert.deepStrictEqual(byDefault.err.trim().split('\n'), [
      `${file}:2:5: warning: \`old\` was last checked 400 days ago (asOf ${daysAgo(400)}, more than 365 days): check its facts and update \`asOf\``,
      '1 glossary file OK: 2 entries',
    ]);
    const strict = await run('check', '--max-age-days', '5', file);
    assert.deepStrictEqual(
      strict.err
        .split('\n')
        .filter((l) => l.includes('warning'))
        .map((l) => l.split(': warning: ')[1].split(' was')[0]),
      ['`old`', '`recent`'],
    );
    const off = await run('check', '--max-age-days', '0', file);
    assert.ok(!off.err.includes('warning'), off.err);
    for (const bad of ['-1', 'a year', '1.5']) assert.strictEqual((await run('check', '--max-age-days', bad, file)).code, 2, bad);
    const badDate = path.join(dir, 'bad-date.glossary.yaml');
    writeFileSync(badDate, joinLines('terms:', '  - term: Old', '    kind: concept', '    asOf: 2026-02-30'));
    const bad = await run('check', badDate);
    assert.deepStrictEqual([bad.code, bad.err.trim()], [1, `${badDate}:4:11: error: \`asOf\` must be a date written YYYY-MM-DD (e.g. 2026-11-30) or YYYY-MM; got \`2026-02-30\``]);
  });

  it('prints the merged glossary as JSON', async () => {
    const { code, out } = await run('glossary', ...fixtureGlossary);
    assert.strictEqual(code, 0);
    const entries = JSON.parse(out).entries;
    const by = entries.find((e: { id: string }) => e.id === 'BY');
    assert.strictEqual(by.term, 'Belarus');
    assert.ok(by.aliases.includes('白方'));
    assert.strictEqual(by.origin.line, 8);
  });

  it('answers usage errors with exit 2 and documents everything in --help', async () => {
    assert.strictEqual((await run('extract')).code, 2);
    assert.strictEqual((await run('extract', 'x', '--format', 'xml')).code, 2);
    assert.strictEqual((await run('frobnicate')).code, 2);
    assert.strictEqual((await run('--bogus')).code, 2);
    assert.strictEqual((await run('eval')).code, 2);
    assert.strictEqual((await run('eval', 'x.statement', '--format', 'csv')).code, 2);
    const help = await run('--help');
    assert.strictEqual(help.code, 0);
    for (const word of [
      'extract',
      'glossary',
      'check',
      'eval',
      '--details',
      '--max-age-days',
      '--jobs',
      'jsonl',
      'directory',
      'glob pattern',
      'parties=',
      'optional=true',
      '--glossary',
      '--no-builtin',
      '--format',
      'markdown',
      'json',
      'csv',
      'Exit status',
    ])
      assert.ok(help.out.includes(word), word);
  });

  it('eval: a table per file and for all files, and with --details what failed, by line', async () => {
    const good = path.join(dir, 'good.statement');
    writeFileSync(
      good,
      joinLines(
        '---',
        'parties: [CN, BY]',
        '---',
        'The two sides [will deepen Belt and Road cooperation]{.commitment type=pledge parties="BY"}.',
        'The [Belarusian side]{.party} supports the GDI and [welcomes the guests]{.commitment type=support optional=true}.',
        '[The weather was fine]{.commitment type="affirm support"}.',
      ),
    );
    const { code, out, err } = await run('eval', good, fixture('real/unga-80-6-icc.statement'), '--details', '--no-builtin', '--glossary', fixture('corpus.glossary.yaml'));
    assert.strictEqual(code, 0, err);
    assert.match(out, /^# .*good\.statement$/m);
    assert.match(out, /^\| pledge \| 1 \| 1 \| 1 \| 1 \| 1\.00 \| 1\.00 \| 1\.00 \|$/m);
    assert.match(out, /^\| \*\*all\*\* \| 2 \| 1 \| 2 \| 1 \| 0\.50 \| 0\.50 \| 0\.50 \|$/m);
    assert.match(out, /^\| \*\*all, with the right parties\*\* \| 2 \| 0 \| 2 \| 0 \| 0\.00 \| 0\.00 \| 0\.00 \|$/m);
    assert.match(out, /^Optional commitments \(not scored\): 1\. Terms: 1 of 1 found \(1\.00\), kind right for 1 of 1 \(1\.00\)\.$/m);
    assert.match(out, /^- line 5: \*\*supports\*\* — supports the GDI \*\(support; BY\)\*$/m);
    assert.match(out, /^- line 6: The weather was fine \*\(affirm or support\)\*$/m);
    assert.match(out, /^- line 4: \*\*will deepen\*\* — will deepen Belt and Road cooperation \*\(CN BY; expected BY\)\*$/m);
    assert.match(out, /^# All 2 files \(micro-averaged\)$/m);
    assert.match(out, /^\| \*\*all\*\* \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \|$/m);
    const plain = await run('eval', good, '--no-builtin', '--glossary', fixture('corpus.glossary.yaml'));
    assert.doesNotMatch(plain.out, /^False alarms/m);
    assert.doesNotMatch(plain.out, /All 1 files/);
  });

  it('eval --format json gives every count and figure, null where nothing is measured', async () => {
    const file = path.join(dir, 'scored.statement');
    writeFileSync(file, joinLines('The Belarusian side [supports the Global Development Initiative]{.commitment type=support}.'));
    const { code, out } = await run('eval', file, '--format', 'json', ...fixtureGlossary);
    assert.strictEqual(code, 0);
    const report = JSON.parse(out);
    assert.strictEqual(report.files[0].file, file);
    assert.deepStrictEqual(report.files[0].overall, { gold: 1, found: 1, detected: 1, correct: 1, precision: 1, recall: 1, f1: 1 });
    assert.deepStrictEqual(report.files[0].byType.oppose, { gold: 0, found: 0, detected: 0, correct: 0, precision: null, recall: null, f1: null });
    assert.deepStrictEqual(report.files[0].terms, { gold: 0, found: 0, kindRight: 0, recall: null, kindAccuracy: null });
    assert.deepStrictEqual(report.all.overall, report.files[0].overall);
    assert.deepStrictEqual(report.files[0].misses, []);
  });

  it('eval names the files it cannot score, located, scores the others and exits 1', async () => {
    const bare = path.join(dir, 'bare.statement');
    writeFileSync(bare, 'The two sides will deepen cooperation.\n');
    const bad = path.join(dir, 'bad.statement');
    writeFileSync(bad, joinLines('First line.', 'The two sides [will deepen cooperation]{.commitment type=promise}.'));
    const good = path.join(dir, 'fine.statement');
    writeFileSync(good, 'The two sides [will deepen cooperation]{.commitment type=pledge}.\n');
    const { code, out, err } = await run('eval', bare, bad, path.join(dir, 'missing.statement'), good, ...fixtureGlossary);
    assert.strictEqual(code, 1);
    assert.match(err, /bare\.statement:1:1: error: no annotations to score against/);
    assert.match(err, /bad\.statement:2:15: error: unknown commitment type `promise`/);
    assert.match(err, /bad\.statement: not scored/);
    assert.match(err, /missing\.statement: error: no such file/);
    assert.match(out, /^# .*fine\.statement$/m);
    assert.doesNotMatch(out, /bad\.statement/);
  });

  it('reports problems inside a statement as located warnings and still exits 0', async () => {
    const file = path.join(dir, 'broken.statement');
    writeFileSync(file, joinLines('---', 'title: [unclosed', '---', 'The [two sides]{.party agreed to meet.', 'The Kenyan side supports the initiative.'));
    const { code, out, err } = await run('extract', file, '--format', 'json', ...fixtureGlossary);
    assert.strictEqual(code, 0);
    assert.match(err, /broken\.statement:2:\d+: warning: front matter/);
    assert.match(err, /broken\.statement:4:\d+: warning: unclosed attribute block/);
    assert.deepStrictEqual(
      JSON.parse(out).documents[0].commitments.map((c: { trigger: string }) => c.trigger),
      ['supports'],
    );
  });

  it('refuses an alias bomb or absurdly deep YAML quickly, with a located error', async () => {
    const bomb = path.join(dir, 'bomb.glossary.yaml');
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 0; i < 40; i++)
      lines.push(
        `k${i}: &r${i} [${Array(9)
          .fill(i === 0 ? '*a' : `*r${i - 1}`)
          .join(',')}]`,
      );
    lines.push('terms:', '  - term: Bomb', '    kind: concept', '    aliases: *r39');
    writeFileSync(bomb, lines.join('\n'));
    const deep = path.join(dir, 'deep.glossary.yaml');
    writeFileSync(deep, 'terms: ' + '['.repeat(200000) + ']'.repeat(200000));
    const started = Date.now();
    const { code, err } = await run('check', bomb, deep);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    assert.strictEqual(code, 1);
    assert.match(err, /bomb\.glossary\.yaml:\d+:\d+: error: /);
    assert.match(err, /deep\.glossary\.yaml:1:72: error: YAML nesting deeper than 64 levels is refused/);
  });

  it('finishes a 30 MB file with no newline within a minute', async function () {
    this.timeout(60_000);
    const big = path.join(dir, 'one-line.txt');
    const sentence = 'The two sides will deepen cooperation and the Kenyan side supports the Global Development Initiative. ';
    writeFileSync(big, sentence.repeat(Math.ceil(30e6 / sentence.length)));
    let bytes = 0;
    const started = Date.now();
    const code = await runCli(['extract', big, '--format', 'csv', ...fixtureGlossary], { out: (t) => (bytes += t.length), err: () => {} });
    assert.strictEqual(code, 0);
    assert.ok(Date.now() - started < 60_000);
    assert.ok(bytes > 1e6);
  });

  it('reports an unreadable file by name', async function () {
    if (process.getuid && process.getuid() === 0) this.skip(); // root reads everything
    if (process.platform === 'win32') this.skip(); // chmod cannot take read access away on Windows
    const locked = path.join(dir, 'locked.txt');
    writeFileSync(locked, 'text');
    chmodSync(locked, 0o000);
    const { code, err } = await run('extract', locked, ...fixtureGlossary);
    assert.strictEqual(code, 1);
    assert.match(err, /locked\.txt: error: cannot be read \(permission denied\)/);
  });
});

/**
 * Hostile and broken input and output (issue 15): endless inputs, failing writes, an input that
 * throws inside the analysis, and text that would drive a terminal or a spreadsheet.
 */
describe('cli: hostile input and output', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'da-cli-hostile-'));
  });

  /** Runs the CLI with a small input limit, so the tests need not write 64 MiB. */
  async function runLimited(maxInputBytes: number, ...argv: string[]) {
    let out = '';
    let err = '';
    const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) }, { maxInputBytes });
    return { code, out, err };
  }

  /** The built CLI (`npm run build`) in a child process, its stdout going to `stdout`. */
  function spawnCli(argv: string[], stdout: 'pipe' | number) {
    return spawn(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...argv], { stdio: ['ignore', stdout, 'pipe'] });
  }

  /** Exit status and stderr of a child process. */
  function finished(child: ChildProcess): Promise<{ code: number | null; err: string }> {
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, err })));
  }

  it('cuts an endless input (/dev/zero) off at the byte limit, names it and goes on', async function () {
    if (!existsSync('/dev/zero')) this.skip();
    const { code, out, err } = await runLimited(1 << 20, 'extract', '/dev/zero', fixture('treaty-excerpt.txt'), '--format', 'json', ...fixtureGlossary);
    assert.strictEqual(code, 1);
    assert.strictEqual(err, '/dev/zero: error: is too large (the limit is 1 MiB)\n');
    assert.deepStrictEqual(
      JSON.parse(out).documents.map((d: { file: string }) => d.file),
      [fixture('treaty-excerpt.txt')],
    );
    const check = await runLimited(1 << 20, 'check', '/dev/zero');
    assert.deepStrictEqual([check.code, check.err], [1, '/dev/zero: error: is too large (the limit is 1 MiB)\n']);
  });

  it('reads a file at the limit, refuses one a byte over it, and keeps the JSON whole', async () => {
    const limit = 64 * 1024;
    const sentence = 'The two sides will deepen cooperation. ';
    const body = sentence.repeat(Math.ceil(limit / sentence.length)).slice(0, limit);
    const atLimit = path.join(dir, 'at-limit.txt');
    const overLimit = path.join(dir, 'over-limit.txt');
    writeFileSync(atLimit, body);
    writeFileSync(overLimit, body + '.');
    const { code, out, err } = await runLimited(limit, 'extract', overLimit, atLimit, fixture('treaty-excerpt.txt'), '--format', 'json', ...fixtureGlossary);
    assert.strictEqual(code, 1);
    assert.strictEqual(err, `${overLimit}: error: is too large (the limit is ${limit} bytes)\n`);
    assert.deepStrictEqual(
      JSON.parse(out).documents.map((d: { file: string }) => d.file),
      [atLimit, fixture('treaty-excerpt.txt')],
    );
  });

  it('documents the input limit it enforces, in the help and the README', async () => {
    const mib = MAX_INPUT_BYTES / (1024 * 1024);
    const help = await run('--help');
    assert.ok(help.out.includes(`at most ${mib} MiB each`), help.out);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(`Inputs are read up to ${mib} MiB each`) && readme.includes(`(the limit is ${mib} MiB)`));
  });

  it('reports an input whose analysis throws by name, and processes the others (every format)', async () => {
    const poisoned = path.join(dir, 'poisoned.txt');
    writeFileSync(poisoned, 'POISON: the two sides will deepen cooperation.');
    // Any exception inside the analysis, wherever it comes from, costs that input only.
    // The CLI calls the module's export at call time (CommonJS), so replacing it reaches the CLI
    // — on its own thread (--jobs 1); workers, which load their own copy, are tested below.
    const analyzeModule = analyzeCore as unknown as { analyzeText: (text: string, ...rest: unknown[]) => unknown };
    const original = analyzeModule.analyzeText;
    analyzeModule.analyzeText = (text, ...rest) => {
      if (text.startsWith('POISON')) throw new RangeError('Maximum call stack size exceeded');
      return original(text, ...rest);
    };
    try {
      for (const format of ['json', 'csv', 'markdown']) {
        const { code, out, err } = await run(
          'extract',
          fixture('china-belarus-2022.txt'),
          poisoned,
          fixture('treaty-excerpt.txt'),
          '--format',
          format,
          '--jobs',
          '1',
          ...fixtureGlossary,
        );
        assert.strictEqual(code, 1, format);
        assert.strictEqual(err, `${poisoned}: error: could not be analysed (Maximum call stack size exceeded)\n`, format);
        assert.ok(out.includes(fixture('treaty-excerpt.txt')), `${format}: the file after it is processed`);
        if (format === 'json') assert.strictEqual(JSON.parse(out).documents.length, 2);
      }
    } finally {
      analyzeModule.analyzeText = original;
    }
  });

  it('survives a front-matter alias bomb: the file is named, the next one processed, the JSON whole', async () => {
    const bomb = path.join(dir, 'bomb.statement');
    const lines = ['---', 'a: &a [x,x,x,x,x,x,x,x,x]'];
    for (let i = 0; i < 12; i++)
      lines.push(
        `b${i}: &b${i} [${Array(9)
          .fill(i === 0 ? '*a' : `*b${i - 1}`)
          .join(',')}]`,
      );
    lines.push('---', 'The two sides will deepen cooperation.');
    writeFileSync(bomb, lines.join('\n'));
    const started = Date.now();
    const { out, err } = await run('extract', bomb, fixture('treaty-excerpt.txt'), '--format', 'json', ...fixtureGlossary);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    // Refused (error) or read without its aliases (warning): either way, located and not fatal.
    assert.match(err, /bomb\.statement(:\d+:\d+)?: (error|warning): /);
    assert.ok(
      JSON.parse(out).documents.some((d: { file: string }) => d.file === fixture('treaty-excerpt.txt')),
      'the file after the bomb is processed',
    );
  });

  it('exits 1 with a message when the output cannot be written (/dev/full)', async function () {
    if (!existsSync('/dev/full')) this.skip();
    const full = openSync('/dev/full', 'w');
    try {
      const { code, err } = await finished(spawnCli(['extract', fixture('treaty-excerpt.txt'), ...fixtureGlossary], full));
      assert.strictEqual(code, 1);
      assert.match(err, /^diplomatic-annotator: cannot write the output: ENOSPC/);
    } finally {
      closeSync(full);
    }
  });

  it('exits 1 quietly when the reader of its output goes away', async () => {
    const child = spawnCli(['extract', fixture('china-belarus-2022.txt'), ...fixtureGlossary], 'pipe');
    // Closed before the child has started: its first write meets a broken pipe.
    child.stdout!.destroy();
    const { code, err } = await finished(child);
    assert.deepStrictEqual([code, err], [1, '']);
  });

  it('gives a glossary path that is a directory or a broken link a clear message', async function () {
    // Windows lets only administrators and developer mode make symbolic links.
    if (process.platform === 'win32') this.skip();
    const folder = path.join(dir, 'terms.glossary.yaml');
    mkdirSync(folder);
    const dangling = path.join(dir, 'dangling.glossary.yaml');
    symlinkSync(path.join(dir, 'nowhere.yaml'), dangling);
    const { code, out, err } = await run('extract', fixture('treaty-excerpt.txt'), '--glossary', folder + '/', '--glossary', dangling, '--format', 'json');
    assert.strictEqual(code, 1);
    assert.deepStrictEqual(err.trim().split('\n'), [
      `${folder}/: error: is a directory, not a file`,
      `${dangling}: error: is a broken symbolic link (to ${path.join(dir, 'nowhere.yaml')}, which does not exist)`,
    ]);
    assert.strictEqual(JSON.parse(out).documents.length, 1);
  });

  describe('output injection', () => {
    const ESC = '\u001b';
    const RLO = '\u202e';
    let file: string;
    before(() => {
      // A file name and a statement that try to clear the terminal, recolour it, reverse text and
      // plant spreadsheet formulas.
      file = path.join(dir, `evil${ESC}[2J${ESC}c.statement`);
      writeFileSync(
        file,
        joinLines(
          '---',
          'parties: [CN, BY]',
          '---',
          `[=HYPERLINK("http://evil.example","x")]{.commitment type=pledge actor="@SUM(1+1)"}.`,
          `[-2+3+cmd]{.commitment type=support actor="+${RLO}edis naisuR ehT"}.`,
          `The Belarusian side supports the ${ESC}[31m${ESC}]0;pwned\u0007\u009b2JGlobal Development Initiative.`,
          '[The two sides]{.party',
        ),
      );
    });
    // eslint-disable-next-line no-control-regex -- what must not reach the terminal
    const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

    it('escapes CSV cells that would start a formula', async () => {
      const { out } = await run('extract', file, '--format', 'csv', ...fixtureGlossary);
      const rows = out.trim().split('\n').slice(1);
      assert.strictEqual(rows.length, 3, out);
      assert.ok(!RAW_CONTROL.test(out), JSON.stringify(out));
      assert.ok(rows[0].includes(`,"'@SUM(1+1)",,pledge,"'=HYPERLINK(""http://evil.example"",""x"")",`), rows[0]);
      assert.ok(rows[1].includes(`,"'+<U+202E>edis naisuR ehT",,support,"'-2+3+cmd",`), rows[1]);
      // No cell, once unquoted, starts like a formula.
      for (const row of rows) for (const cell of row.split(',')) assert.ok(!/^[=+\-@]/.test(cell), cell);
    });

    it('strips control characters and shows bidi controls in Markdown and on stderr', async () => {
      const { out, err } = await run('extract', file, ...fixtureGlossary);
      assert.ok(!RAW_CONTROL.test(out), JSON.stringify(out));
      assert.ok(!RAW_CONTROL.test(err), JSON.stringify(err));
      assert.ok(out.startsWith(`# ${path.join(dir, 'evil[2Jc.statement')}\n`), out);
      assert.match(out, /^## \+<U\+202E>edis naisuR ehT — 1 commitment$/m);
      assert.match(out, /the \\\[31m\\\]0;pwned2JGlobal Development Initiative/);
      assert.match(err, /evil\[2Jc\.statement:7:\d+: warning: /);
    });

    it('keeps JSON faithful but escapes what a terminal would obey', async () => {
      const { out } = await run('extract', file, '--format', 'json', ...fixtureGlossary);
      assert.ok(!RAW_CONTROL.test(out), JSON.stringify(out));
      const doc = JSON.parse(out).documents[0];
      assert.strictEqual(doc.file, file);
      assert.strictEqual(doc.commitments[1].actor, `+${RLO}edis naisuR ehT`);
    });

    it('strips control characters from usage errors that echo an argument', async () => {
      for (const argv of [[`x${ESC}c`], ['extract', 'a.txt', '--format', `${ESC}[2J`], [`--${ESC}c`]]) {
        const { code, err } = await run(...argv);
        assert.strictEqual(code, 2);
        assert.ok(!RAW_CONTROL.test(err) && /\[2J|c'/.test(err), JSON.stringify(err));
      }
    });

    it('strips control characters from the glossary listing', async () => {
      const glossary = path.join(dir, 'evil.glossary.yaml');
      writeFileSync(glossary, joinLines('terms:', '  - term: "Evil\\e[2J\\u202e side"', '    kind: party', '    summary: "\\e]0;pwned\\a="'));
      const { code, out } = await run('glossary', '--no-builtin', '--glossary', glossary, '--format', 'markdown');
      assert.strictEqual(code, 0);
      assert.ok(!RAW_CONTROL.test(out), JSON.stringify(out));
      assert.match(out, /\*\*Evil\\\[2J<U\+202E> side\*\*/);
      const json = await run('glossary', '--no-builtin', '--glossary', glossary);
      assert.ok(!RAW_CONTROL.test(json.out), JSON.stringify(json.out));
      assert.strictEqual(JSON.parse(json.out).entries[0].term, `Evil${ESC}[2J${RLO} side`);
    });
  });
});

/**
 * A corpus on the command line (issue 13): directories and patterns as inputs, `--jobs N` worker
 * threads whose output is byte for byte that of `--jobs 1`, JSON Lines, and the progress line.
 */
describe('cli: a corpus', function () {
  // Whole corpora, several times over, on a machine that may be shared: generous.
  this.timeout(180_000);
  let dir: string;
  let binary: string;
  let warned: string;
  let empty: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'da-cli-corpus-'));
    binary = path.join(dir, 'image.statement');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0]));
    // A statement with located warnings (an unclosed span), so that stderr has per-file lines too.
    warned = path.join(dir, 'warned.statement');
    writeFileSync(warned, joinLines('[The two sides]{.party', 'The two sides will deepen cooperation.'));
    empty = path.join(dir, 'empty');
    mkdirSync(empty);
  });

  const REAL_STATEMENTS = readdirSync(path.join(ROOT, 'test/fixtures/real')).filter((f) => f.endsWith('.statement'));
  /** Files `extract` reads in a directory, counted here without the CLI: *.statement, *.txt, *.md, recursively. */
  const statementsUnder = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? statementsUnder(path.join(folder, e.name)) : /\.(?:statement|txt|md)$/.test(e.name) ? [path.join(folder, e.name)] : [],
    );

  /** Real statements, every fixture text, and bad inputs of each kind among them. */
  const mixedInputs = () => [
    path.join(ROOT, 'test/fixtures/real'),
    path.join(dir, 'missing.txt'),
    path.join(ROOT, 'test/fixtures/*.txt'),
    binary,
    empty,
    warned,
    path.join(dir, 'nothing/*.statement'),
    fixture('chile-viet-nam.statement'),
  ];

  it('writes with --jobs 3 the very bytes of --jobs 1: stdout, stderr and exit status, in every format', async () => {
    for (const format of ['json', 'jsonl', 'csv', 'markdown']) {
      const one = await run('extract', ...mixedInputs(), '--format', format, '--jobs', '1', ...fixtureGlossary);
      const three = await run('extract', ...mixedInputs(), '--format', format, '--jobs', '3', ...fixtureGlossary);
      assert.strictEqual(one.code, 1, format);
      assert.deepStrictEqual(three, one, format);
      // Every input is in it: the real statements, the fixture texts, the warned statement and the Chile–Viet Nam one.
      const texts = readdirSync(path.join(ROOT, 'test/fixtures')).filter((f) => f.endsWith('.txt'));
      if (format === 'json') assert.strictEqual(JSON.parse(one.out).documents.length, REAL_STATEMENTS.length + texts.length + 2);
    }
  });

  it('names every bad input in its place, in any --jobs, and still reports every other file', async () => {
    const { code, out, err } = await run('extract', ...mixedInputs(), '--format', 'jsonl', '--jobs', '2', ...fixtureGlossary);
    assert.strictEqual(code, 1);
    assert.deepStrictEqual(
      err.split('\n').filter((l) => / error: /.test(l)),
      [
        `${path.join(dir, 'missing.txt')}: error: no such file`,
        `${binary}: error: is a binary file, not a text`,
        `${empty}: error: is a directory with no statements (*.statement, *.txt, *.md, searched recursively)`,
        `${path.join(dir, 'nothing/*.statement')}: error: matches no file`,
      ],
    );
    assert.match(err, /warned\.statement:1:\d+: warning: /);
    const files = out
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).file);
    const real = readdirSync(path.join(ROOT, 'test/fixtures/real')).sort();
    const texts = readdirSync(path.join(ROOT, 'test/fixtures'))
      .filter((f) => f.endsWith('.txt'))
      .sort();
    assert.deepStrictEqual(files, [
      ...real.map((f) => path.join(ROOT, 'test/fixtures/real', f)),
      ...texts.map((f) => path.join(ROOT, 'test/fixtures', f)),
      warned,
      fixture('chile-viet-nam.statement'),
    ]);
  });

  it('gives the bundled CLI the same output with --jobs 2 as with --jobs 1, and no progress line in a pipe', async () => {
    const real = readdirSync(path.join(ROOT, 'test/fixtures/real')).map((f) => path.join(ROOT, 'test/fixtures/real', f));
    const argv = ['extract', ...real, path.join(ROOT, 'test/fixtures'), '/proc/self/mem', '--format', 'json'];
    const [one, two] = await Promise.all([spawnCliOutput([...argv, '--jobs', '1']), spawnCliOutput([...argv, '--jobs', '2'])]);
    assert.deepStrictEqual(two, one);
    assert.strictEqual(one.code, existsSync('/proc/self/mem') ? 1 : 0, one.err);
    assert.ok(!one.err.includes('\r'), JSON.stringify(one.err));
    // The directory gives its statements recursively (the real ones again, read once).
    assert.strictEqual(JSON.parse(one.out).documents.length, statementsUnder(path.join(ROOT, 'test/fixtures')).length);
  });

  it('writes one JSON document per line with --format jsonl: the documents of --format json', async () => {
    const inputs = [fixture('china-belarus-2022.txt'), fixture('zh-joint-statement.txt'), fixture('chile-viet-nam.statement')];
    const jsonl = await run('extract', ...inputs, '--format', 'jsonl', ...fixtureGlossary);
    const json = await run('extract', ...inputs, '--format', 'json', ...fixtureGlossary);
    assert.strictEqual(jsonl.code, 0, jsonl.err);
    assert.ok(jsonl.out.endsWith('}\n'));
    const lines = jsonl.out.slice(0, -1).split('\n');
    assert.strictEqual(lines.length, 3);
    assert.deepStrictEqual(
      lines.map((l) => JSON.parse(l)),
      JSON.parse(json.out).documents,
    );
  });

  it('reads directories and quoted patterns in check and eval too', async () => {
    const real = path.join(ROOT, 'test/fixtures/real');
    const byDirectory = await run('eval', real, '--format', 'json');
    const byPattern = await run('eval', path.join(real, 'zh-*.statement'), '--format', 'json');
    assert.strictEqual(byDirectory.code, 0, byDirectory.err);
    assert.strictEqual(JSON.parse(byDirectory.out).files.length, REAL_STATEMENTS.length);
    assert.deepStrictEqual(
      JSON.parse(byPattern.out).files.map((f: { file: string }) => path.basename(f.file)),
      readdirSync(real)
        .filter((f) => f.startsWith('zh-'))
        .sort(),
    );
    const check = await run('check', real, empty);
    assert.strictEqual(check.code, 1);
    assert.deepStrictEqual(check.err.trim().split('\n'), [
      `${empty}: error: is a directory with no statements (*.statement, *.glossary.yaml, *.glossary.yml, searched recursively)`,
      `${REAL_STATEMENTS.length} statements OK`,
    ]);
  });

  it('names the file whose worker died, exits 1, and reports every other file', async () => {
    // A worker that stops (as on a crash) when it opens one particular file.
    const dies = path.join(dir, 'dies.txt');
    writeFileSync(dies, 'The two sides will deepen cooperation.');
    const script = path.join(dir, 'dying-worker.js');
    writeFileSync(
      script,
      [
        `const fs = require('fs');`,
        `const open = fs.promises.open;`,
        `fs.promises.open = (file, ...rest) => (String(file).endsWith('dies.txt') ? process.exit(9) : open(file, ...rest));`,
        `require(${JSON.stringify(path.join(__dirname, '../../src/node/cliWorker.js'))});`,
      ].join('\n'),
    );
    const inputs = [fixture('china-belarus-2022.txt'), dies, fixture('treaty-excerpt.txt'), fixture('zh-joint-statement.txt')];
    let out = '';
    let err = '';
    const io = { out: (t: string) => (out += t), err: (t: string) => (err += t) };
    const code = await runCli(['extract', ...inputs, '--format', 'json', '--jobs', '2', ...fixtureGlossary], io, { maxInputBytes: MAX_INPUT_BYTES, workerScript: script });
    assert.strictEqual(code, 1);
    assert.strictEqual(err, `${dies}: error: could not be analysed (its worker thread stopped with exit code 9)\n`);
    assert.deepStrictEqual(
      JSON.parse(out).documents.map((d: { file: string }) => d.file),
      [inputs[0], inputs[2], inputs[3]],
    );
  });

  it('starts no worker by default for inputs under the bytes a thread must pay for, and does above them or when asked', async () => {
    // Workers that cannot start fail every file they are given: that shows whether any was used.
    // One more thread for each MiB here (8 MiB by default).
    const limits = { maxInputBytes: MAX_INPUT_BYTES, workerScript: path.join(dir, 'no-such-worker.js'), bytesPerThread: 1024 * 1024 };
    const small = [fixture('china-belarus-2022.txt'), fixture('treaty-excerpt.txt')];
    const runWith = async (...argv: string[]) => {
      let err = '';
      const code = await runCli(['extract', ...argv, '--format', 'jsonl', ...fixtureGlossary], { out: () => {}, err: (t) => (err += t) }, limits);
      return { code, err };
    };
    assert.deepStrictEqual(await runWith(...small), { code: 0, err: '' });
    const asked = await runWith(...small, '--jobs', '2');
    assert.strictEqual(asked.code, 1);
    assert.match(asked.err, /china-belarus-2022\.txt: error: could not be analysed \(its worker thread failed: Cannot find module/);
    const large = path.join(dir, 'large.txt');
    writeFileSync(large, 'The two sides will deepen cooperation.\n'.repeat(Math.ceil((1024 * 1024) / 39)));
    const big = await runWith(large, small[0]);
    assert.strictEqual(big.code, availableParallelism() > 1 ? 1 : 0, big.err);
  });

  it('refuses an option another command takes, naming the commands that take it, instead of ignoring it', async () => {
    const evalJobs = await run('eval', fixture('chile-viet-nam.statement'), '--jobs', '2');
    assert.deepStrictEqual([evalJobs.code, evalJobs.out], [2, '']);
    assert.ok(evalJobs.err.startsWith('diplomatic-annotator: --jobs is not an option of eval (extract takes it)\n'), evalJobs.err);
    const checkFormat = await run('check', fixture('chile-viet-nam.statement'), '--format', 'json');
    assert.strictEqual(checkFormat.code, 2);
    assert.ok(checkFormat.err.startsWith('diplomatic-annotator: --format is not an option of check (extract, glossary, eval, diff, index take it)'), checkFormat.err);
    // The options a command takes still work.
    assert.strictEqual((await run('eval', fixture('chile-viet-nam.statement'), '--details', '--format', 'json', ...fixtureGlossary)).code, 0);
  });

  it('refuses --jobs that is not a whole number from 1 to 256, as a usage error', async () => {
    for (const jobs of ['0', 'abc', '1.5', '257', '']) {
      const { code, err, out } = await run('extract', fixture('treaty-excerpt.txt'), '--jobs', jobs);
      assert.strictEqual(code, 2, jobs);
      assert.strictEqual(out, '');
      assert.ok(err.startsWith(`diplomatic-annotator: --jobs takes a whole number of worker threads, 1 to 256 (got '${jobs}')`), err);
    }
    assert.strictEqual((await run('extract', fixture('treaty-excerpt.txt'), '--jobs')).code, 2);
  });

  it('shows progress on a terminal, clears it before each message and at the end, and never elsewhere', async () => {
    const inputs = [fixture('china-belarus-2022.txt'), warned, fixture('treaty-excerpt.txt')];
    let err = '';
    let out = '';
    const terminal = { out: (t: string) => (out += t), err: (t: string) => (err += t), progressAfterMs: 0 };
    assert.strictEqual(await runCli(['extract', ...inputs, '--jobs', '1', ...fixtureGlossary], terminal), 0);
    const CLEAR = '\r\x1b[K';
    assert.ok(err.startsWith(`${CLEAR}[1/3] ${inputs[0]}${CLEAR}${warned}:1:`), JSON.stringify(err));
    // Without the line: the messages alone, and the same report. Every line drawn is erased (by
    // the next one, or before a message, or at the end).
    const plain = await run('extract', ...inputs, '--jobs', '1', ...fixtureGlossary);
    assert.ok(!plain.err.includes('\r'));
    const erased = err
      // eslint-disable-next-line no-control-regex -- the terminal's erase-line sequence
      .replace(/\r\x1b\[K\[\d\/3\] [^\r\n]*(?=\r\x1b\[K)/g, '')
      .split(CLEAR)
      .join('');
    assert.strictEqual(erased, plain.err);
    assert.strictEqual(out, plain.out);
  });

  /** The built CLI's output, stderr and exit status. */
  function spawnCliOutput(argv: string[]): Promise<{ code: number | null; out: string; err: string }> {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
  }
});
