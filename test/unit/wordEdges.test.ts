import * as assert from 'assert';
import { WordEdges } from '../../src/core/wordEdges';
import { random } from '../../bench/corpus';

/** Whether both edges of the first `form` in `text` fit its words. */
function fits(text: string, form: string, edges = new WordEdges()): boolean {
  const start = text.indexOf(form);
  assert.ok(start >= 0, `${form} in ${text}`);
  const end = start + form.length;
  edges.reset();
  return edges.fits(text, start, end, end, 0, text.length) && edges.fits(text, start, end, start, 0, text.length);
}

describe('wordEdges', () => {
  it('refuses a form whose edge is inside a word of the sentence', () => {
    assert.strictEqual(fits('加快沿海地区开放', '海地'), false);
    assert.strictEqual(fits('欧美国家对此表示关切', '美国'), false);
    assert.strictEqual(fits('其中方案已定', '中方'), false);
    assert.strictEqual(fits('包括发展中国家的代表性', '中国'), false);
  });

  it('accepts a form on word boundaries', () => {
    assert.strictEqual(fits('海地支持这一倡议', '海地'), true);
    assert.strictEqual(fits('中方愿同白方加强合作', '白方'), true);
    assert.strictEqual(fits('中国人民', '中国'), true);
  });

  it('refuses a form inside a longer word that names something else', () => {
    assert.strictEqual(fits('法属圭亚那', '圭亚那'), false);
    assert.strictEqual(fits('印度支那', '印度'), false);
    assert.strictEqual(fits('信奉印度教', '印度'), false);
  });

  it('accepts a form next to a character that stands by itself, where segmentation joins them', () => {
    // ICU reads 和白 and 以色列人 as words.
    assert.strictEqual(fits('中华人民共和国和白俄罗斯共和国', '白俄罗斯共和国'), true);
    assert.strictEqual(fits('满足以色列人和巴勒斯坦人的期盼', '以色列'), true);
    assert.strictEqual(fits('中方向白方表示感谢', '中方'), true);
  });

  it('accepts a form when the words beside it stay whole without it', () => {
    // ICU reads 理事|会同|意: without the match, 同意 is still a word.
    assert.strictEqual(fits('联合国安全理事会同意', '联合国安全理事会'), true);
    // 沿海地区 without 海地 leaves 沿 and 区 alone: pieces of words.
    assert.strictEqual(fits('沿海地区', '海地'), false);
  });

  it('accepts every edge beside other scripts, punctuation or the limits of the text', () => {
    assert.strictEqual(fits('海地', '海地'), true);
    assert.strictEqual(fits('the 海地 side，海地。', '海地'), true);
    const edges = new WordEdges();
    // Within [2, 4) of 沿海地区, 海地 is the whole text.
    assert.strictEqual(edges.fits('沿海地区', 1, 3, 3, 1, 3) && edges.fits('沿海地区', 1, 3, 1, 1, 3), true);
  });

  it('leaves Korean as it was: a form matches inside a spaced word, before its particle', () => {
    assert.strictEqual(fits('대한민국은 일본과', '대한민국'), true);
  });

  it('reads Japanese words too', () => {
    assert.strictEqual(fits('日本の外務大臣は', '日本'), true);
  });

  it('reads a long run without punctuation in windows, with the same answers, in bounded time', () => {
    const words = ['发展', '合作', '推动', '共同', '建设', '开放', '经济', '贸易', '投资', '领域', '交流', '加强'];
    const rnd = random(5);
    let long = '';
    while (long.length < 200_000) long += words[Math.floor(rnd() * words.length)];
    const edges = new WordEdges();
    const t0 = Date.now();
    for (let k = 0; k < 200; k++) {
      const at = Math.floor((long.length / 200) * k);
      const text = long.slice(0, at) + '加快沿海地区开放，和白俄罗斯' + long.slice(at);
      assert.strictEqual(fits(text, '海地', edges), false);
      assert.strictEqual(fits(text, '白俄罗斯', edges), true);
    }
    // Segmenting the whole run each time takes minutes (walking a long string's segments is
    // quadratic in V8); windows take well under a second.
    assert.ok(Date.now() - t0 < 20_000, `${Date.now() - t0} ms`);
  });
});
