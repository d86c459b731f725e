import * as assert from 'assert';
import { diffCommitments } from '../../src/core/diff';
import { diffToHtml, diffToMarkdown, toDiffReport, type DiffDocument } from '../../src/core/diffReport';
import { analyze, fixture, fixtureGlossary, joinLines } from './helpers';

function report(oldText: string, newText: string, files = ['old.txt', 'new.txt']) {
  const oldDoc: DiffDocument = { file: files[0], text: oldText, analysis: analyze(oldText) };
  const newDoc: DiffDocument = { file: files[1], text: newText, analysis: analyze(newText) };
  return toDiffReport(oldDoc, newDoc, diffCommitments(oldDoc.analysis, newDoc.analysis), fixtureGlossary().glossary);
}

describe('diffReport', () => {
  const reference = fixture('china-belarus-2022.txt');
  const edited = fixture('diff/china-belarus-2022-edited.txt');

  it('gives each side its sentence and the line it starts on, to reveal it', () => {
    const r = report(reference, edited);
    const negated = r.items.find((i) => i.change === 'negated')!;
    assert.strictEqual(edited.slice(negated.new!.sentence.start, negated.new!.sentence.end), 'The Belarusian side does not oppose any form of "Taiwan independence."');
    assert.strictEqual(negated.new!.sentenceLine, 6);
    assert.strictEqual(reference.slice(negated.old!.sentence.start, negated.old!.sentence.end).slice(0, 40), 'Reiterating its adherence to the one-Chi');
    assert.strictEqual(negated.old!.sentenceLine, 7);
  });

  it('renders HTML side by side, old left and new right, with reveal links and marked words, and no script', () => {
    const r = report(reference, edited);
    const links: string[] = [];
    const html = diffToHtml(r, {
      nonce: 'abc123',
      revealLink: (item, side) => {
        const link = `command:reveal?${encodeURIComponent(JSON.stringify([side, item[side]!.sentence.start]))}`;
        links.push(link);
        return link;
      },
    });
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abc123';">/);
    assert.doesNotMatch(html, /<script/i);
    // One link per side shown: pairs have two, added and dropped one; kept pairs are counted, not listed.
    assert.strictEqual(links.length, 6 * 2 + 2 + 1);
    const row = html.split('\n').find((l) => l.includes('data-change="strengthened"'))!;
    assert.match(row, /<td class="detail">support: normal → strong<\/td><td><a class="line" href="command:reveal\?[^"]+" title="Reveal in old.txt">line 7<\/a>/);
    assert.match(row, /<ins>firmly<\/ins> supports all efforts/);
    assert.match(
      html.split('\n').find((l) => l.includes('data-change="weakened"'))!,
      /<del>firmly<\/del> support each other/,
    );
    assert.match(html, /<p class="kept">6 commitments kept as they were.<\/p>/);
  });

  it('shows an actor inside the words of its commitment once', () => {
    // A hand-annotated commitment spans its actor's words too.
    const r = report('[中方支持全球发展倡议]{.commitment type=support}。', '');
    assert.strictEqual(r.items.length, 1);
    assert.deepStrictEqual(r.items[0].old!.actor, []);
    assert.strictEqual(r.items[0].old!.commitment.actor, '中方');
    assert.match(diffToMarkdown(r), /^- line 1: 中方支持全球发展倡议 \*\(support\)\*$/m);
  });

  it('escapes hostile text in HTML and Markdown', () => {
    const evil = 'The two sides support the <img src=x onerror=alert(1)> Global Development Initiative.';
    const r = report(joinLines('The two sides support the Global Development Initiative.'), evil, ['a"<b>.txt', 'new.txt']);
    const html = diffToHtml(r, { nonce: 'n', revealLink: () => 'command:x?"><script>' });
    assert.doesNotMatch(html, /<img|<script|<b>/);
    assert.match(html, /&#60;<ins>img src=x onerror=alert\(1<\/ins>\)&#62;/);
    assert.match(html, /href="command:x\?&#34;&#62;&#60;script&#62;"/);
    const md = diffToMarkdown(r);
    assert.match(md, /^# Commitments: a"\\<b\\>\.txt → new\.txt$/m);
    assert.match(md, /\\<\*\*img src=x onerror=alert\(1\*\*\)\\>/);
  });
});
