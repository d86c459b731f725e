import * as assert from 'assert';
import { segmentSentences } from '../../src/core/sentences';
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
