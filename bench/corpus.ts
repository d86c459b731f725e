/**
 * Recipes for benchmark inputs, generated deterministically (nothing large is committed): a statement
 * corpus of English and Chinese lines of any size, and extra glossary terms.
 */
import { readFileSync } from 'fs';
import * as path from 'path';

/** A small deterministic PRNG (mulberry32), so every run measures the same input. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ran', 'tu', 'vel', 'sor', 'pen', 'dra', 'qui', 'zo', 'bar', 'nel', 'ost', 'rix', 'ul'];

/** `count` extra glossary terms: invented two- or three-word phrases ("Kalo Miran Accord"). */
export function extraTerms(count: number, seed = 7): string[] {
  const rnd = random(seed);
  const word = () => {
    let w = '';
    const n = 2 + Math.floor(rnd() * 2);
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const heads = ['Accord', 'Initiative', 'Forum', 'Partnership', 'Council', 'Corridor', 'Principle', 'Declaration'];
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    const t = `${word()} ${word()} ${heads[Math.floor(rnd() * heads.length)]}`;
    if (!seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      out.push(t);
    }
  }
  return out;
}

/** The corpus texts' lines (English and Chinese), from test/fixtures. */
export function corpusLines(root: string): string[] {
  const dir = path.join(root, 'test/fixtures');
  const files = ['china-belarus-2022.txt', 'leaders-communique.txt', 'numbered-joint-statement.txt', 'treaty-excerpt.txt', 'zh-joint-statement.txt'];
  return files.flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n')).filter((l) => l.trim().length > 0);
}

/** About `bytes` of UTF-8 statement text: corpus lines, some with extra terms woven in, in paragraphs. */
export function generateCorpus(root: string, bytes: number, terms: string[], seed = 11): string {
  const rnd = random(seed);
  const lines = corpusLines(root);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    let line = lines[Math.floor(rnd() * lines.length)];
    if (terms.length > 0 && rnd() < 0.3) line = line.replace(/\.$/, `, and support the ${terms[Math.floor(rnd() * terms.length)]}.`);
    parts.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return parts.join('\n') + '\n';
}

/**
 * An edited copy of a statement, as the next statement of the same parties might be: every 20th
 * line dropped, "supports" made "firmly supports" and "will" made "will not" on every 7th line
 * that has them, and a block of a tenth of the lines moved from the first quarter to the end.
 */
export function editStatement(text: string): string {
  const lines = text.split('\n').filter((_, i) => i % 20 !== 19);
  const edited = lines.map((line, i) => (i % 7 === 3 ? line.replace(/\bsupports\b/, 'firmly supports').replace(/\bwill\b/, 'will not') : line));
  const from = Math.floor(edited.length / 4);
  const moved = edited.splice(from, Math.floor(edited.length / 10));
  return [...edited, ...moved].join('\n');
}
