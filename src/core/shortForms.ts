/**
 * Chinese short forms of a document's parties: "X方" ("the X side"), where X is the first character
 * of a party's Chinese name — 阿方 for the UAE in a China–UAE statement, 所方 for Solomon Islands.
 * No glossary can list them: 阿 begins the names of the UAE, Argentina, Algeria and Afghanistan, so
 * 阿方 is known only from the document's parties.
 */
import { formsOf, type Glossary } from './glossary';
import { ZH_NOT_SHORT_FORMS, ZH_SHORT_FORMS_NOT_MARKED } from './lexicon';
import type { Span } from './text';
import { standsAsWord } from './wordEdges';

const HAN = /[\u4e00-\u9fff]/;

/**
 * The initials of the parties `partyIds`, from every Chinese form of their glossary entries: first
 * character → the parties whose name starts with it ("阿" → [AE] in a China–UAE statement; two
 * ids where two parties share it, as 巴 does Pakistan and Brazil).
 */
export function partyInitials(partyIds: readonly string[], glossary: Pick<Glossary, 'byId'> | undefined): Map<string, string[]> {
  const initials = new Map<string, string[]>();
  for (const id of partyIds) {
    const entry = glossary?.byId.get(id);
    if (!entry) continue;
    for (const form of formsOf(entry)) {
      const initial = form.charAt(0);
      if (!HAN.test(initial)) continue;
      const ids = initials.get(initial) ?? [];
      if (!ids.includes(id)) ids.push(id);
      initials.set(initial, ids);
    }
  }
  return initials;
}

/** A short form found in a text: where it is and the party it names. */
export interface ShortForm extends Span {
  id: string;
}

/**
 * The short forms "X方" in `text` of the parties whose `initials` are given (see
 * {@link partyInitials}): X must be the initial of exactly one party, the two characters must
 * stand as a word of the sentence (not 以|方便, 研究所|方面), must not be an ordinary word (双方,
 * 地方, 西方…) and must not overlap one of the `terms` already found (中方 is the glossary's own).
 */
export function findShortForms(text: string, initials: ReadonlyMap<string, readonly string[]>, terms: readonly Span[]): ShortForm[] {
  const found: ShortForm[] = [];
  if (initials.size === 0) return found;
  let t = 0;
  for (let at = text.indexOf('方', 1); at !== -1; at = text.indexOf('方', at + 1)) {
    const start = at - 1;
    const ids = initials.get(text.charAt(start));
    if (ids?.length !== 1) continue;
    const word = text.slice(start, at + 1);
    if (ZH_NOT_SHORT_FORMS.includes(word) || ZH_SHORT_FORMS_NOT_MARKED.includes(word)) continue;
    while (t < terms.length && terms[t].end <= start) t++;
    if (t < terms.length && terms[t].start <= at) continue;
    if (!standsAsWord(text, start, at + 1)) continue;
    found.push({ start, end: at + 1, id: ids[0] });
  }
  return found;
}
