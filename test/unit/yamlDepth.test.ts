import * as assert from 'assert';
import { parseDocument } from 'yaml';
import { findExcessiveYamlNesting, MAX_YAML_DEPTH } from '../../src/core/yamlDepth';
import { joinLines } from './helpers';

/** The real depth of a YAML text as the `yaml` package builds it (for texts shallow enough to parse). */
function parsedDepth(text: string): number {
  const depth = (v: unknown): number => (Array.isArray(v) ? 1 + Math.max(0, ...v.map(depth)) : v && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0);
  return depth(parseDocument(text).toJS());
}

describe('YAML depth guard', () => {
  it('counts every kind of nesting: compact block, indented block, flow, and mixtures', () => {
    const deep = MAX_YAML_DEPTH + 1;
    const cases: Record<string, string> = {
      'compact sequences': 'terms:\n  - ' + '- '.repeat(deep) + 'x',
      'compact, 100,000 levels': 'terms:\n  - ' + '- '.repeat(100000) + 'x',
      'indented sequences': Array.from({ length: deep }, (_, i) => ' '.repeat(i) + '-').join('\n') + ' x',
      'indented mappings': Array.from({ length: deep }, (_, i) => ' '.repeat(i) + `k${i}:`).join('\n') + ' x',
      flow: 'terms: ' + '['.repeat(deep) + ']'.repeat(deep),
      'flow across lines': 'terms: [\n' + ' [\n'.repeat(deep) + ' ]\n'.repeat(deep) + ']',
      'block, then flow': 'a:\n' + '  - '.repeat(1) + '- '.repeat(40) + '['.repeat(30) + ']'.repeat(30),
      'complex keys': '? '.repeat(deep) + 'x',
    };
    for (const [name, text] of Object.entries(cases)) assert.notStrictEqual(findExcessiveYamlNesting(text), -1, name);
  });

  it('lets ordinary and moderately deep YAML through, and never counts fewer levels than the parser builds', () => {
    const texts = [
      joinLines('terms:', '  - term: A', '    kind: party', '    aliases: [a, "b [c", \'d {e\']', '    sources:', '      - https://example.org'),
      joinLines('title: The People\'s "Republic" [sic] {x}', 'parties: [CN, BY]', 'note: |', '  - - - - - - - - - -', '  [[[[[[[[[[[[[', 'date: 2022-09-15'),
      'a:\n  - ' + '- '.repeat(20) + '[[[' + 'x' + ']]]',
      Array.from({ length: 30 }, (_, i) => ' '.repeat(i) + `k${i}:`).join('\n') + ' x',
      '# ' + '['.repeat(1000) + '\nkey: value # ' + '{'.repeat(1000),
    ];
    for (const text of texts) {
      assert.strictEqual(findExcessiveYamlNesting(text), -1, text.slice(0, 60));
      assert.ok(parsedDepth(text) <= MAX_YAML_DEPTH);
    }
  });

  it('measures what the parser builds, not what the text looks like', () => {
    // Inside a flow list, `a 'b` is one plain scalar: the brackets after the comma do nest.
    const flow = "k: [a 'b, " + '['.repeat(MAX_YAML_DEPTH + 5) + ']'.repeat(MAX_YAML_DEPTH + 5) + ']';
    // `a: b: c` is invalid, but error recovery still builds the mappings one inside the other,
    // and the compact list on the next line inside the last of them.
    const recovered = 'terms:\n  - ' + 'k: '.repeat(40) + '\n    ' + '- '.repeat(30) + 'x';
    for (const text of [flow, recovered]) {
      assert.ok(parsedDepth(text) > MAX_YAML_DEPTH);
      assert.notStrictEqual(findExcessiveYamlNesting(text), -1);
    }
    // Text that only looks deep: inside an unclosed quoted string, or at the left margin where a
    // flow collection is not nested under its key.
    for (const text of ["k: 'open\n" + '- '.repeat(MAX_YAML_DEPTH + 1) + 'x', 'terms:\n' + '[\n'.repeat(70) + ']\n'.repeat(70)]) {
      assert.ok(parsedDepth(text) <= MAX_YAML_DEPTH);
      assert.strictEqual(findExcessiveYamlNesting(text), -1);
    }
  });

  it('stops reading as soon as the limit is passed', () => {
    const text = 'terms:\n  - ' + '- '.repeat(1_000_000) + 'x';
    const at = findExcessiveYamlNesting(text);
    assert.ok(at > 0 && at < 4 * MAX_YAML_DEPTH, `stopped at ${at}`);
  });
});
