// `@name` in a text: which runs are mentions of a known person and which stay
// plain text (the client marks them; the server notifies who they name).
// Names have spaces ("@Bob Babbage"), so a mention is the longest known name
// that follows the `@`; a first name also works while only one person has it
// ("@bob"). Unknown names are left as typed.

export interface Person {
  id: string;
  name: string;
}

export type TextPiece = { type: 'text'; text: string } | { type: 'mention'; id: string; name: string };

const WORD = /[\p{L}\p{N}_]/u;

interface Handle {
  /** As the person's name has it; compared without case, over the same length of the text. */
  text: string;
  lower: string;
  person: Person;
}

/** What may follow `@` to name someone, longest first; a first name shared by two people names neither. */
function handles(people: readonly Person[]): Handle[] {
  const out: Handle[] = [];
  const firstNames = new Map<string, { text: string; person: Person | null }>();
  for (const person of people) {
    const name = person.name.trim();
    if (!name) continue;
    out.push({ text: name, lower: name.toLowerCase(), person });
    const first = name.split(/\s+/)[0]!;
    const key = first.toLowerCase();
    if (first !== name) firstNames.set(key, { text: first, person: firstNames.has(key) ? null : person });
  }
  for (const [lower, { text, person }] of firstNames) if (person) out.push({ text, lower, person });
  return out.sort((a, b) => b.text.length - a.text.length);
}

export function splitMentions(text: string, people: readonly Person[]): TextPiece[] {
  if (!people.length || !text.includes('@')) return text ? [{ type: 'text', text }] : [];
  const known = handles(people);
  const out: TextPiece[] = [];
  let from = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    // An @ inside a word is an email address or the like, not a mention.
    if (at > 0 && WORD.test(text[at - 1]!)) continue;
    const end = (h: Handle) => at + 1 + h.text.length;
    const hit = known.find((h) => text.slice(at + 1, end(h)).toLowerCase() === h.lower && !WORD.test(text[end(h)] ?? ''));
    if (!hit) continue;
    if (at > from) out.push({ type: 'text', text: text.slice(from, at) });
    out.push({ type: 'mention', id: hit.person.id, name: hit.person.name.trim() });
    from = end(hit);
    at = from - 1;
  }
  if (from < text.length) out.push({ type: 'text', text: text.slice(from) });
  return out;
}

// Code is quoted, not said: an @name in a code span or block names nobody.
const CODE = /```[\s\S]*?(```|$)|`[^`\n]*`/g;

/** Who a text mentions, outside code: the people of `people` it names. */
export function mentionedIds(text: string, people: readonly Person[]): Set<string> {
  const ids = new Set<string>();
  for (const piece of splitMentions(text.replace(CODE, ' '), people)) if (piece.type === 'mention') ids.add(piece.id);
  return ids;
}
