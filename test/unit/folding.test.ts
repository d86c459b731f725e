import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { findFoldingRegions } from '../../src/core/folding';
import { ROOT, fixture, joinLines } from './helpers';

/** A file under the repository root, as text. */
function read(relative: string): string {
  return readFileSync(path.join(ROOT, relative), 'utf8');
}

/** Regions as "first-last kind: first words of the first line", with 1-based lines as an editor shows them. */
function describeRegions(text: string): string[] {
  const lines = text.split('\n');
  return findFoldingRegions(text).map((r) => `${r.startLine + 1}-${r.endLine + 1} ${r.kind}: ${lines[r.startLine].trim().slice(0, 24).trimEnd()}`);
}

describe('folding regions', () => {
  it('folds the front matter, up to its closing line', () => {
    assert.deepStrictEqual(describeRegions(read('samples/china-belarus-2022.statement')), ['1-8 frontMatter: ---']);
  });

  it('folds each article of a treaty, and nothing in a one-line-per-paragraph statement', () => {
    assert.deepStrictEqual(describeRegions(read('samples/treaty-excerpt.statement')), [
      '9-11 heading: Article 1',
      '13-18 heading: Article 2',
      '20-23 heading: Article 3',
      '25-27 heading: Article 4',
      '29-31 heading: Article 5',
    ]);
    // Ten numbered paragraphs of one line each: a region of one line folds nothing.
    assert.deepStrictEqual(describeRegions(read('samples/numbered-joint-statement.statement')), []);
  });

  it('folds numbered paragraphs with what belongs to them, and the lists under lead-ins (G7 Hiroshima)', () => {
    const regions = describeRegions(read('test/fixtures/real/g7-hiroshima-2023.statement'));
    assert.deepStrictEqual(regions, [
      '1-6 frontMatter: ---',
      '9-28 paragraph: 1. We, the Leaders of th',
      '10-17 list: We are taking concrete s',
      // The last item runs on into "as outlined in the reference documents of this Communique."
      '16-17 paragraph: - [deliver our goal of m',
      '18-28 list: [We are determined to wo',
      // A lead-in with a label of its own ("2. … by:") is folded as its paragraph.
      '29-34 paragraph: 2. [We will champion int',
      // Titles between paragraphs ("Ukraine", "Indo-Pacific") end the paragraph before them.
      '44-53 paragraph: 51. We stand together as',
    ]);
  });

  it('folds articles, the lead-in inside them and the lettered items of a paragraph (US–Ukraine agreement)', () => {
    const regions = describeRegions(read('test/fixtures/real/us-ukraine-bsa-2024.statement'));
    assert.deepStrictEqual(regions, [
      '1-6 frontMatter: ---',
      '22-26 heading: Article I: Principles of',
      '23-26 list: This Agreement is based',
      '27-49 heading: Article II: Defense and',
      '32-46 list: In order to further stre',
      '35-45 paragraph: 3. [To further bolster t',
      '50-56 heading: Article III: Cooperation',
      '51-56 list: Recalling the trade and',
    ]);
  });

  it('keeps a lead-in open across the titles between its items (ASEAN–US)', () => {
    const text = read('test/fixtures/real/asean-us-aoip-2023.statement');
    const lines = text.split('\n');
    assert.strictEqual(lines[20].trim(), 'Maritime Cooperation');
    assert.deepStrictEqual(describeRegions(text), ['1-6 frontMatter: ---', '19-37 list: [WE HEREBY COMMIT TO:]{.']);
  });

  it('folds a Chinese list of ——items under its lead-in, ending at the next paragraph', () => {
    const regions = describeRegions(read('test/fixtures/real/zh-china-uae-2019.statement'));
    assert.ok(regions.includes('15-19 list: [双方一致同意继续开展交流合作，并在下阶段重点关'), JSON.stringify(regions));
  });

  it('tells the numeral (i) from the letter (i), and nests (i) inside (b)', () => {
    assert.deepStrictEqual(describeRegions(fixture('lead-in-lists.txt')).slice(0, 3), [
      '3-8 list: WE HEREBY COMMIT TO:',
      '11-16 list: The Parties agree:',
      '13-15 paragraph: (b) To further cooperati',
    ]);
    const letters = joinLines('The Parties agree:', '(g) to a;', '(h) to b and', 'to d;', '(i) to c;', 'The end.');
    // After "(h)", "(i)" is the next letter: a sibling that closes "(h)", whose line runs on.
    assert.deepStrictEqual(describeRegions(letters), ['1-5 list: The Parties agree:', '3-4 paragraph: (h) to b and']);
  });

  it('nests Chinese sections, numbered paragraphs and articles', () => {
    const text = joinLines(
      '中华人民共和国和法兰西共和国联合声明',
      '一、政治关系',
      '（一）双方同意加强高层交往。',
      '双方将保持战略沟通。',
      '（二）双方愿深化合作。',
      '二、经贸合作',
      '1.双方将扩大贸易。',
      '2.双方支持投资。',
      '第三条',
      '本协定自签署之日起生效。',
    );
    assert.deepStrictEqual(describeRegions(text), [
      '2-5 paragraph: 一、政治关系',
      '3-4 paragraph: （一）双方同意加强高层交往。',
      '6-8 paragraph: 二、经贸合作',
      '9-10 heading: 第三条',
    ]);
  });

  it('reads CRLF line ends and annotation markup as an editor shows the lines', () => {
    const text = joinLines('---', 'title: T', '---', 'Article 1', '[The Parties]{#parties} shall meet.', 'Article 2', 'Text.').replace(/\n/g, '\r\n');
    assert.deepStrictEqual(describeRegions(text), ['1-3 frontMatter: ---', '4-5 heading: Article 1', '6-7 heading: Article 2']);
  });

  it('gives regions of two lines or more that nest, in order, on every real statement', () => {
    const dir = path.join(ROOT, 'test/fixtures/real');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.statement'))) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const lineCount = text.split('\n').length;
      const regions = findFoldingRegions(text);
      regions.forEach((r, i) => {
        assert.ok(r.startLine < r.endLine && r.endLine < lineCount, `${file}: ${JSON.stringify(r)}`);
        if (i > 0) assert.ok(regions[i - 1].startLine < r.startLine, `${file}: two regions start on line ${r.startLine}`);
        for (const other of regions.slice(0, i)) {
          const nested = r.endLine <= other.endLine;
          const disjoint = r.startLine > other.endLine;
          assert.ok(nested || disjoint, `${file}: ${JSON.stringify(r)} overlaps ${JSON.stringify(other)}`);
        }
      });
    }
  });
});
