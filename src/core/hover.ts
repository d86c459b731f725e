/**
 * Hover texts, as Markdown: a glossary term (name, kind, summary, details, aliases by script,
 * related entries, sources, where it is defined) and a commitment (type, strength, actor, parties).
 *
 * Glossary text is data: it is escaped where it is not meant as Markdown, and links are produced
 * only for http(s) sources, so a hostile glossary cannot smuggle in command links or HTML.
 */
import type { Commitment } from './commitments';
import type { Glossary, GlossaryEntry } from './glossary';
import type { Span } from './text';

/** Offsets of `offset` inside one of `spans` (sorted by start), or undefined; binary search. */
export function spanAt<T extends Span>(spans: T[], offset: number): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Escapes text so Markdown shows it literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]|<>~])/g, '\\$1');
}

/** Strips raw HTML and non-http(s) links from glossary Markdown (details may use Markdown, not HTML or commands). */
export function sanitizeMarkdown(md: string): string {
  return md.replace(/<[^>]*>/g, '').replace(/\[([^\]]*)\]\(\s*(?!https?:)[^)]*\)/gi, '$1');
}

const KIND_LABEL: Record<string, string> = {
  party: 'Party',
  principle: 'Principle',
  initiative: 'Initiative',
  institution: 'Institution',
  partnership: 'Partnership title',
  agreement: 'Agreement',
  person: 'Person',
  concept: 'Concept',
};

/** Options for {@link termHover}. */
export interface TermHoverOptions {
  /** A link (already a URI string) that opens the file defining the entry at its line, and a label for it. */
  definedAt?: { label: string; uri: string };
}

/** The hover Markdown for a glossary entry. */
export function termHover(entry: GlossaryEntry, glossary: Glossary, options: TermHoverOptions = {}): string {
  const out: string[] = [];
  out.push(`**${escapeMarkdown(entry.term)}** · *${KIND_LABEL[entry.kind] ?? entry.kind}*${entry.kind === 'party' ? ` · \`${escapeMarkdown(entry.id)}\`` : ''}`);
  if (entry.kind === 'party' && !/^\s*Official name/i.test(entry.details ?? '')) {
    const official = officialName(entry);
    if (official) out.push('', `Official name: ${escapeMarkdown(official)}`);
  }
  if (entry.summary) out.push('', escapeMarkdown(entry.summary));
  if (entry.details) out.push('', sanitizeMarkdown(entry.details.trim()));
  if (entry.aliases.length > 0) {
    const groups = groupByScript(entry.aliases);
    const parts = Object.entries(groups).map(([script, list]) => `${script}: ${list.map(escapeMarkdown).join(', ')}`);
    out.push('', `*Also:* ${parts.join(' · ')}`);
  }
  const related = entry.see.map((id) => glossary.byId.get(id)).filter((e): e is GlossaryEntry => e !== undefined);
  if (related.length > 0) out.push('', `*See also:* ${related.map((e) => escapeMarkdown(e.term)).join(', ')}`);
  const links = entry.sources.filter((s) => /^https?:\/\/[^\s)]+$/i.test(s));
  if (links.length > 0) out.push('', `*Sources:* ${links.map((s) => `[${escapeMarkdown(hostOf(s))}](${s})`).join(' · ')}`);
  if (options.definedAt) out.push('', `*Defined in* [${escapeMarkdown(options.definedAt.label)}](${options.definedAt.uri})`);
  return out.join('\n');
}

/** The longest alias that looks like an official name ("Republic of Belarus", "People's Republic of China"). */
export function officialName(entry: GlossaryEntry): string | undefined {
  const candidates = [entry.term, ...entry.aliases].filter(
    (a) =>
      /\b(?:Republic|Kingdom|Federation|State|States|Union|Emirates|Commonwealth|Principality|Sultanate|Confederation|Grand Duchy|Democratic|Islamic|Socialist|Plurinational|Bolivarian|Federal|Organization|Organisation|Association|Community|League|Council)\b/.test(
        a,
      ) && !/\bside\b|^Government of/i.test(a),
  );
  return candidates.sort((a, b) => b.length - a.length)[0];
}

function groupByScript(aliases: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const a of aliases) {
    const script = /[\u4e00-\u9fff]/.test(a) ? 'Chinese' : /[\u0400-\u04ff]/.test(a) ? 'Russian' : /[\u0600-\u06ff]/.test(a) ? 'Arabic' : 'English';
    (out[script] ??= []).push(a);
  }
  return out;
}

function hostOf(url: string): string {
  const m = /^https?:\/\/(?:www\.)?([^/]+)/i.exec(url);
  return m ? m[1] : url;
}

const TYPE_LABEL: Record<string, string> = {
  pledge: 'Pledge',
  support: 'Support',
  oppose: 'Opposition',
  affirm: 'Affirmation',
  request: 'Request',
};

/** The hover Markdown for a commitment. */
export function commitmentHover(c: Commitment, glossary: Glossary): string {
  const strength = c.strength === 'strong' ? 'strong' : c.strength === 'weak' ? 'weak (hedged)' : 'normal';
  const out: string[] = [];
  out.push(`**${TYPE_LABEL[c.type] ?? c.type}**${c.negated ? ' · *negated*' : ''} · strength: ${strength}${c.explicit ? ' · *annotated*' : ''}`);
  out.push('', `*Actor:* ${escapeMarkdown(c.actor || 'not stated')}`);
  if (c.parties.length > 0) {
    out.push('', `*Parties:* ${c.parties.map((id) => `${escapeMarkdown(glossary.byId.get(id)?.term ?? id)} (\`${escapeMarkdown(id)}\`)`).join(', ')}`);
  }
  out.push('', `*Trigger:* “${escapeMarkdown(c.trigger)}”`);
  return out.join('\n');
}
