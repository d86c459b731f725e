/**
 * Hover texts, as Markdown: a glossary term (name, kind, summary, details, aliases by script,
 * related entries, sources, where it is defined), a commitment (type, strength, actor, parties,
 * what was committed to) and the analyst's notes (`{note="…"}`) on the words hovered.
 *
 * Glossary and statement text is data, never Markdown syntax. Every piece of it goes through
 * {@link escapeMarkdown}, which backslash-escapes every ASCII punctuation character, so no link,
 * image, autolink, reference definition, HTML tag or list can come out of it, whatever the syntax.
 * The only structure in a hover is what this module builds itself: bold and italic labels, the
 * emphasis kept in `details` ({@link glossaryMarkdown}), and links to validated http(s) `sources`
 * ({@link markdownLink}). Long texts are clipped ({@link HOVER_TEXT_LIMIT}) so a huge summary
 * cannot break the hover.
 */
import type { Note } from './analyze';
import type { Commitment } from './commitments';
import { displayText, escapeMarkdown, escapePunctuation } from './display';
import { formatAsOf, type Glossary, type GlossaryEntry } from './glossary';
import { KIND_LABEL } from './kinds';
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

/** The most characters of one free text (a summary, the details) that a hover shows; the rest is cut at "…". */
export const HOVER_TEXT_LIMIT = 2000;
/** The most characters of a name (a term, an alias, an actor) that a hover shows. */
const NAME_LIMIT = 200;
/** The most items of a list (aliases, related entries, sources) that a hover shows. */
const LIST_LIMIT = 30;

/** `text` cut to at most `limit` characters (never inside a surrogate pair), with "…" when cut. */
export function clipText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * Glossary Markdown (the `details` field) as safe hover Markdown: paragraphs, line breaks,
 * `**bold**` and `*italic*` are kept; everything else, links and images included, shows literally.
 * Clipped to {@link HOVER_TEXT_LIMIT} characters.
 */
export function glossaryMarkdown(md: string): string {
  const text = clipText(md.trim(), HOVER_TEXT_LIMIT);
  const emphasis = /\*\*(?=\S)([^*\n]*?\S)\*\*|\*(?=[^\s*])([^*\n]*?[^\s*])?\*/g;
  return text
    .split('\n')
    .map((untrimmed) => {
      const line = untrimmed.trimStart();
      let out = '';
      let last = 0;
      for (const m of line.matchAll(emphasis)) {
        const strong = m[1] !== undefined;
        const inner = strong ? m[1] : line.slice(m.index + 1, m.index + m[0].length - 1);
        out += escapePunctuation(line.slice(last, m.index)) + (strong ? '**' : '*') + escapePunctuation(inner) + (strong ? '**' : '*');
        last = m.index + m[0].length;
      }
      return out + escapePunctuation(line.slice(last));
    })
    .join('\n');
}

/**
 * A Markdown link to `url` with the literal text `label`, or undefined when `url` is not an
 * absolute http(s) URL. The destination is normalised by `URL` and its parentheses encoded, so it
 * cannot end the link early.
 */
export function markdownLink(label: string, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return `[${escapeMarkdown(label)}](${encodeDestination(parsed.href)})`;
}

/** A link destination with the characters that could end it (or the line) percent-encoded. */
function encodeDestination(uri: string): string {
  return uri.replace(/[()<>\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A name from the data, clipped and escaped. */
function name(text: string): string {
  // Bidirectional controls in an annotated actor would reorder the hover's text: show them.
  return escapeMarkdown(displayText(clipText(text, NAME_LIMIT)));
}

/** A name from the data as a code span (whose content Markdown never interprets), clipped, one line. */
function codeSpan(text: string): string {
  return `\`${clipText(text, NAME_LIMIT).replace(/`/g, "'").replace(/\s+/g, ' ')}\``;
}

/** At most {@link LIST_LIMIT} items, and "and N more" for the rest. */
function listOf(items: string[], separator = ', '): string {
  const shown = items.slice(0, LIST_LIMIT).join(separator);
  return items.length > LIST_LIMIT ? `${shown}${separator}and ${items.length - LIST_LIMIT} more` : shown;
}

// How each term kind is named to readers: listed with the kinds (kinds.ts).
export { KIND_LABEL };

/** Options for {@link termHover}. */
export interface TermHoverOptions {
  /** A link (already a URI string) that opens the file defining the entry at its line, and a label for it. */
  definedAt?: { label: string; uri: string };
  /** The analyst's notes on the words hovered (see {@link notesMarkdown}), shown last. */
  notes?: readonly Note[];
}

/** The hover Markdown for a glossary entry. */
export function termHover(entry: GlossaryEntry, glossary: Glossary, options: TermHoverOptions = {}): string {
  const out: string[] = [];
  out.push(`**${name(entry.term)}** · *${KIND_LABEL[entry.kind] ?? name(entry.kind)}*${entry.kind === 'party' ? ` · ${codeSpan(entry.id)}` : ''}`);
  if (entry.kind === 'party' && !/^\s*Official name/i.test(entry.details ?? '')) {
    const official = officialName(entry);
    if (official) out.push('', `Official name: ${name(official)}`);
  }
  if (entry.summary) out.push('', escapeMarkdown(clipText(entry.summary, HOVER_TEXT_LIMIT)));
  if (entry.details) out.push('', glossaryMarkdown(entry.details));
  const actors = actorLine(entry, glossary);
  if (actors) out.push('', actors);
  if (entry.asOf) out.push('', `*As of ${escapeMarkdown(formatAsOf(entry.asOf))}*`);
  if (entry.aliases.length > 0) {
    const groups = groupByScript(entry.aliases.slice(0, LIST_LIMIT));
    const parts = Object.entries(groups).map(([script, list]) => `${script}: ${list.map(name).join(', ')}`);
    const more = entry.aliases.length > LIST_LIMIT ? ` · and ${entry.aliases.length - LIST_LIMIT} more` : '';
    out.push('', `*Also:* ${parts.join(' · ')}${more}`);
  }
  const related = entry.see.map((id) => glossary.byId.get(id)).filter((e): e is GlossaryEntry => e !== undefined);
  if (related.length > 0) out.push('', `*See also:* ${listOf(related.map((e) => name(e.term)))}`);
  const links = entry.sources.flatMap((s) => markdownLink(hostOf(s), s) ?? []);
  if (links.length > 0) out.push('', `*Sources:* ${listOf(links, ' · ')}`);
  if (options.definedAt) out.push('', `*Defined in* [${name(options.definedAt.label)}](${encodeDestination(options.definedAt.uri)})`);
  const notes = notesMarkdown(options.notes ?? []);
  if (notes) out.push('', notes);
  return out.join('\n');
}

/** "Members: …" for a group, "Speaks for: …" for a person or body with a party; each named by its term. */
function actorLine(entry: GlossaryEntry, glossary: Glossary): string | undefined {
  const term = (id: string) => name(glossary.byId.get(id)?.term ?? id);
  if (entry.members?.length) return `*Members (${entry.members.length}):* ${listOf(entry.members.map(term))}`;
  if (entry.party) return `*Speaks for:* ${term(entry.party)}`;
  return undefined;
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
  const m = /^\s*https?:\/\/(?:www\.)?([^/?#\s]+)/i.exec(url);
  return m ? m[1] : url;
}

/** How each commitment type is named to readers. */
export const TYPE_LABEL: Record<string, string> = {
  pledge: 'Pledge',
  support: 'Support',
  oppose: 'Opposition',
  affirm: 'Affirmation',
  request: 'Request',
};

/** What a commitment commits to: its text without the trigger words that open it, on one line. */
export function commitmentObject(c: Commitment, text: string): string {
  const body = text.slice(c.start, c.end).replace(/\s+/g, ' ').trim();
  const trigger = c.trigger.replace(/\s+/g, ' ');
  return body.toLowerCase().startsWith(trigger.toLowerCase()) ? body.slice(trigger.length).trim() : body;
}

/** The most characters of the object a commitment hover shows. */
const OBJECT_LIMIT = 400;

/**
 * The hover Markdown for a commitment: type, strength and negation; actor and the parties it
 * resolves to; the trigger (with its modal: "will deepen", "may consider"); what was committed to,
 * from `text` (the analysed text); and the notes on it.
 */
export function commitmentHover(c: Commitment, glossary: Glossary, text?: string, notes: readonly Note[] = []): string {
  const strength = c.strength === 'strong' ? 'strong' : c.strength === 'weak' ? 'weak (hedged)' : 'normal';
  const out: string[] = [];
  out.push(`**${TYPE_LABEL[c.type] ?? c.type}**${c.negated ? ' · *negated*' : ''} · strength: ${strength}${c.explicit ? ' · *annotated*' : ''}`);
  out.push('', `*Actor:* ${name(c.actor || 'not stated')}`);
  if (c.parties.length > 0) {
    out.push('', `*Parties:* ${c.parties.map((id) => `${name(glossary.byId.get(id)?.term ?? id)} (${codeSpan(id)})`).join(', ')}`);
  }
  out.push('', `*Trigger:* “${name(c.trigger)}”`);
  const object = text === undefined ? '' : commitmentObject(c, text);
  if (object) out.push('', `*Committed to:* ${escapeMarkdown(displayText(clipText(object, OBJECT_LIMIT)))}`);
  const shown = notesMarkdown(notes);
  if (shown) out.push('', shown);
  return out.join('\n');
}

/**
 * The analyst's notes as hover Markdown, one paragraph each ("*Note:* contested: whose core
 * interests?"), escaped like all statement text; empty for none. Repeated notes are shown once.
 */
export function notesMarkdown(notes: readonly Note[]): string {
  // One paragraph each: line breaks in a note would end it (or start a list).
  const texts = [...new Set(notes.map((n) => n.note.replace(/\s+/g, ' ').trim()).filter(Boolean))];
  return texts
    .slice(0, LIST_LIMIT)
    .map((t) => `*Note:* ${escapeMarkdown(displayText(clipText(t, HOVER_TEXT_LIMIT)))}`)
    .join('\n\n');
}
