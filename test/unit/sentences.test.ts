import * as assert from 'assert';
import { labelKind, segmentSentences } from '../../src/core/sentences';
import { joinLines } from './helpers';

function segments(text: string): string[] {
  return segmentSentences(text).map((s) => `${s.kind === 'heading' ? 'H ' : ''}${s.label ? `[${text.slice(s.label.start, s.label.end)}] ` : ''}${text.slice(s.start, s.end)}`);
}

describe('sentences', () => {
  it('splits English sentences but not at abbreviations, initials or dotted acronyms', () => {
    assert.deepStrictEqual(segments('The U.S. side agreed. See No. 5 and Art. 3 of the Treaty. President J. Smith spoke. Then (a) came.'), [
      'The U.S. side agreed.',
      'See No. 5 and Art. 3 of the Treaty.',
      'President J. Smith spoke.',
      'Then (a) came.',
    ]);
  });

  it('sets paragraph labels apart: "1.", "(a)", "One —", "一、"', () => {
    assert.deepStrictEqual(segments(joinLines('1. The two sides agreed to meet.', '(a) They will meet.', 'Two — The Parties shall consult.', '一、双方同意。')), [
      '[1.] The two sides agreed to meet.',
      '[(a)] They will meet.',
      '[Two —] The Parties shall consult.',
      '[一、] 双方同意。',
    ]);
  });

  it('sets apart "1." with no space before Chinese, but not a decimal number', () => {
    assert.deepStrictEqual(segments(joinLines('1.中法两国重申支持和平。', '3.5%的增长来自出口。')), ['[1.] 中法两国重申支持和平。', '3.5%的增长来自出口。']);
  });

  it('sets list markers apart like labels, so the sentence after them starts at its first word', () => {
    assert.deepStrictEqual(segments(joinLines('- We call on China to engage with us.', '• They will meet.', '——双方愿加强协调合作。', '1) The Parties agree.', '2． 双方同意。')), [
      '[-] We call on China to engage with us.',
      '[•] They will meet.',
      '[——] 双方愿加强协调合作。',
      '[1)] The Parties agree.',
      '[2．] 双方同意。',
    ]);
    // "o " before a capital: a sub-bullet whose symbol plain text lost; a word "o" otherwise is none.
    assert.deepStrictEqual(segments(joinLines('o Ministers agreed to meet.', 'o the word.')), ['[o] Ministers agreed to meet.', 'o the word.']);
  });

  it('never takes a bulleted item, or a line running on with "; and", for a title', () => {
    // The same words without the bullet and the "; and" are a title line.
    assert.deepStrictEqual(segments(joinLines('- launch the Hiroshima Action Statement for Food Security; and', '- deliver our goal')), [
      '[-] launch the Hiroshima Action Statement for Food Security; and',
      '[-] deliver our goal',
    ]);
    assert.deepStrictEqual(segments(joinLines('1. launch the Hiroshima Action Statement for Food Security; and')), [
      '[1.] launch the Hiroshima Action Statement for Food Security; and',
    ]);
    assert.deepStrictEqual(segments(joinLines('launch the Hiroshima Action Statement for Food Security')), ['H launch the Hiroshima Action Statement for Food Security']);
  });

  it('gives labels a kind, so the items of one list are told from those of another', () => {
    assert.deepStrictEqual(['1.', '12.', '(b)', '(iv)', 'a)', '-', '——', '（三）', '2.3'].map(labelKind), ['1.', '1.', '(a)', '(a)', 'a)', '-', '——', '（一）', '1.1']);
  });

  it('treats "Article N" and short title lines as headings', () => {
    assert.deepStrictEqual(segments(joinLines('Article 2', 'Obligations', '1. The Parties shall exchange data.', '第三条', 'Climate and the Arctic')), [
      'H Article 2',
      'H Obligations',
      '[1.] The Parties shall exchange data.',
      'H 第三条',
      'H Climate and the Arctic',
    ]);
  });

  it('splits Chinese at 。！？ and keeps closing quotes with the sentence', () => {
    assert.deepStrictEqual(segments('双方同意加强合作。白方表示"支持！"中方欢迎。'), ['双方同意加强合作。', '白方表示"支持！"', '中方欢迎。']);
  });

  it('joins lines broken in the middle of a sentence (text pasted from a PDF)', () => {
    assert.deepStrictEqual(segments(joinLines('The two sides will deepen the', 'high-quality cooperation.', 'The Belarusian side supports it.')), [
      'The two sides will deepen the\nhigh-quality cooperation.',
      'The Belarusian side supports it.',
    ]);
  });

  it('keeps offsets with CRLF line endings and marks paragraph starts', () => {
    const text = 'First one. Second one.\r\n\r\nThird one.';
    const segs = segmentSentences(text);
    assert.deepStrictEqual(
      segs.map((s) => [text.slice(s.start, s.end), s.paragraphStart]),
      [
        ['First one.', true],
        ['Second one.', false],
        ['Third one.', true],
      ],
    );
  });
});
