// What the mention autocomplete reads from a text and its caret: the `@` being
// typed and the words after it, the people those words could mean, and the
// text with the chosen person's `@Full Name ` put in. DOM-free.
import type { Person } from '../../../shared/domain/mentions.ts';

/** An `@` being typed: where it is, and what follows it up to the caret. */
export interface MentionQuery {
  at: number;
  text: string;
}

/** Longer than any name a list would still help with. */
const MAX_QUERY = 40;
/** As shared/domain/mentions.ts: an @ inside a word is an address, not a mention. */
const WORD = /[\p{L}\p{N}_]/u;

export function mentionQueryAt(value: string, caret: number): MentionQuery | null {
  const at = caret > 0 ? value.lastIndexOf('@', caret - 1) : -1;
  if (at === -1 || caret - at - 1 > MAX_QUERY) return null;
  if (at > 0 && WORD.test(value[at - 1]!)) return null;
  const text = value.slice(at + 1, caret);
  // Names have spaces, but never start with one or run over a line.
  if (/^\s|[\n@]/.test(text)) return null;
  return { at, text };
}

/** Compared without case or accents, spaces as one: "@jose" finds José. */
const folded = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');

/** The people whose name, or a word of it onwards, starts with `text`; whole-name matches first, then by name. */
export function matchingPeople(people: readonly Person[], text: string, limit = 8): Person[] {
  const want = folded(text);
  const scored: { person: Person; first: boolean }[] = [];
  for (const person of people) {
    const name = folded(person.name.trim());
    if (!name) continue;
    if (name.startsWith(want)) scored.push({ person, first: true });
    else if (` ${name}`.includes(` ${want}`)) scored.push({ person, first: false });
  }
  scored.sort((a, b) => Number(b.first) - Number(a.first) || a.person.name.localeCompare(b.person.name));
  return scored.slice(0, limit).map((s) => s.person);
}

/** The text with the query replaced by `@Full Name ` and where the caret goes (after the space). */
export function withMention(value: string, query: MentionQuery, person: Person): { value: string; caret: number } {
  const end = query.at + 1 + query.text.length;
  const after = value.slice(end);
  // A space already there serves as the one after the name.
  const inserted = `@${person.name.trim()}${/^\s/.test(after) ? '' : ' '}`;
  const caret = query.at + inserted.length + (/^\s/.test(after) ? 1 : 0);
  return { value: value.slice(0, query.at) + inserted + after, caret };
}
