// Drafts kept on the device (drafts.ts): whose they are, which are worth
// keeping, and what a stored one is read back as. No DOM, runs under Node.
import { describe, expect, it } from 'vitest';
import { decodeDraft, draftKey, encodeDraft, worthKeeping } from './drafts.ts';

const ada = { tenantId: 't1', userId: 'ada' };

describe('drafts', () => {
  it('DRAFT-1 one key per person, workspace, item and kind', () => {
    const keys = new Set([
      draftKey(ada, 'i1', 'description'),
      draftKey(ada, 'i1', 'comment'),
      draftKey(ada, 'i2', 'description'),
      draftKey({ ...ada, userId: 'bob' }, 'i1', 'description'),
      draftKey({ ...ada, tenantId: 't2' }, 'i1', 'description'),
    ]);
    expect(keys.size).toBe(5);
    expect(draftKey(ada, 'i1', 'comment')).toBe('tandem.draft:t1:ada:i1:comment');
    // A separator inside an id cannot make two owners' keys meet.
    expect(draftKey({ tenantId: 'a:b', userId: 'c' }, 'i', 'comment')).not.toBe(draftKey({ tenantId: 'a', userId: 'b:c' }, 'i', 'comment'));
  });

  it('DRAFT-2 a description is kept while it differs from where it started; a comment while it has text', () => {
    const base = { version: 4, text: 'Saved text' };
    expect(worthKeeping('description', { text: 'Saved text, and more', base })).toBe(true);
    expect(worthKeeping('description', { text: 'Saved text', base })).toBe(false);
    // Emptying a description is a change like any other.
    expect(worthKeeping('description', { text: '', base })).toBe(true);
    expect(worthKeeping('comment', { text: 'Half a comment' })).toBe(true);
    expect(worthKeeping('comment', { text: ' \n ' })).toBe(false);
  });

  it('DRAFT-3 reads back what it wrote, and nothing from what is not a draft', () => {
    const draft = { text: 'New **text**', base: { version: 7, text: 'Old' } };
    expect(decodeDraft(encodeDraft(draft))).toEqual(draft);
    expect(decodeDraft(encodeDraft({ text: 'A comment' }))).toEqual({ text: 'A comment' });
    for (const raw of [null, '', 'not json', '42', 'null', '{"text":3}', '{"text":"x","base":{"version":"7","text":"y"}}', '{"text":"x","base":null}']) {
      expect(decodeDraft(raw), String(raw)).toBeNull();
    }
  });
});
