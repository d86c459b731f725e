import * as assert from 'assert';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { STATEMENT_EXTENSIONS, expandInputs, type ExpandedInput } from '../../src/node/inputs';

describe('inputs', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'da-inputs-'));
    const files = [
      'corpus/b.statement',
      'corpus/A.TXT',
      'corpus/notes.md',
      'corpus/data.json',
      'corpus/2023/z.statement',
      'corpus/2023/a.statement',
      'corpus/2023/deep/er/x.txt',
      'corpus/.git/config.txt',
      'corpus/node_modules/pkg/readme.md',
      'corpus/terms.glossary.yaml',
      'empty/only.json',
      'literal/a*b.txt',
    ];
    for (const f of files) {
      mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      writeFileSync(path.join(root, f), 'The two sides will deepen cooperation.');
    }
    // A link back up would loop if followed.
    symlinkSync(path.join(root, 'corpus'), path.join(root, 'corpus/2023/loop'));
  });

  const expand = (args: string[], extensions: readonly string[] = STATEMENT_EXTENSIONS.extract) => expandInputs(args, { extensions, cwd: root });
  const files = (expanded: ExpandedInput[]) => expanded.map((e) => ('file' in e ? e.file : `problem: ${e.problem.file}: ${e.problem.message}`));

  it('gives a directory its statements, recursively and sorted, without hidden folders, node_modules or links to folders', () => {
    assert.deepStrictEqual(files(expand(['corpus'])), [
      'corpus/2023/a.statement',
      'corpus/2023/deep/er/x.txt',
      'corpus/2023/z.statement',
      'corpus/A.TXT',
      'corpus/b.statement',
      'corpus/notes.md',
    ]);
  });

  it('searches a directory for the endings of each command', () => {
    assert.deepStrictEqual(files(expand(['corpus/'], STATEMENT_EXTENSIONS.eval)), ['corpus/2023/a.statement', 'corpus/2023/z.statement', 'corpus/b.statement']);
    assert.deepStrictEqual(files(expand(['corpus'], STATEMENT_EXTENSIONS.check)), [
      'corpus/2023/a.statement',
      'corpus/2023/z.statement',
      'corpus/b.statement',
      'corpus/terms.glossary.yaml',
    ]);
  });

  it('expands *, **, ?, […] and {a,b} patterns, sorted', () => {
    assert.deepStrictEqual(files(expand(['corpus/**/*.statement'])), ['corpus/2023/a.statement', 'corpus/2023/z.statement', 'corpus/b.statement']);
    assert.deepStrictEqual(files(expand(['corpus/*.{md,json}'])), ['corpus/data.json', 'corpus/notes.md']);
    assert.deepStrictEqual(files(expand(['corpus/2023/?.statement'])), ['corpus/2023/a.statement', 'corpus/2023/z.statement']);
    assert.deepStrictEqual(files(expand(['corpus/2023/[a-m].statement'])), ['corpus/2023/a.statement']);
  });

  it('keeps an absolute pattern absolute', () => {
    const pattern = path.join(root, 'corpus', '*.md');
    assert.deepStrictEqual(files(expand([pattern])), [path.join(root, 'corpus/notes.md')]);
  });

  it('keeps the order of the arguments, and each file where it first appears', () => {
    assert.deepStrictEqual(files(expand(['corpus/notes.md', 'corpus/2023', './corpus/2023/a.statement', 'corpus/*.md', path.join(root, 'corpus/notes.md')])), [
      'corpus/notes.md',
      'corpus/2023/a.statement',
      'corpus/2023/deep/er/x.txt',
      'corpus/2023/z.statement',
    ]);
  });

  it('takes a named file as it is, whatever its name, even one with glob characters', () => {
    assert.deepStrictEqual(files(expand(['corpus/data.json', 'literal/a*b.txt'])), ['corpus/data.json', 'literal/a*b.txt']);
  });

  it('names a directory without statements and a pattern that matches nothing, in their place', () => {
    assert.deepStrictEqual(files(expand(['corpus/notes.md', 'empty', 'nowhere/*.statement', 'missing.txt'])), [
      'corpus/notes.md',
      'problem: empty: is a directory with no statements (*.statement, *.txt, *.md, searched recursively)',
      'problem: nowhere/*.statement: matches no file',
      // Kept, so that reading it says what is wrong.
      'missing.txt',
    ]);
  });
});
