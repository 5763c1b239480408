// Input rules shared by the server (authoritative) and the client (to say no
// before sending). Each throws INVALID_ARGUMENT naming the wire field.
import { ItemType, Priority } from '../proto.ts';
import { invalidArgument } from './errors.ts';

export const LIMITS = {
  messageIdMax: 64,
  projectKey: /^[A-Z]{2,10}$/,
  projectNameMax: 100,
  projectDescriptionBytes: 16 * 1024,
  titleMax: 500,
  descriptionBytes: 64 * 1024,
  commentBytes: 64 * 1024,
  sprintNameMax: 100,
  sprintGoalMax: 1000,
  labelMax: 50,
  labelsPerItem: 20,
  /** Entries of a labels list, repeats included: a longer list is refused unread. */
  labelEntriesMax: 100,
  /** Cursors in one subscribe, and project ids in one unsubscribe. */
  projectsPerSubscribe: 100,
  storyPointsMax: 1000,
  idMax: 128,
} as const;

const utf8 = new TextEncoder();

/** Whether `s` takes more than `max` bytes of UTF-8; encoded only when its length cannot tell (each UTF-16 unit is 1-3 bytes). */
function overBytes(s: string, max: number): boolean {
  if (s.length > max) return true;
  if (s.length * 3 <= max) return false;
  return utf8.encode(s).length > max;
}

/** Whether `s` has more than `max` code points; counted only when its length cannot tell (a code point is 1-2 units). */
function overCodePoints(s: string, max: number): boolean {
  if (s.length <= max) return false;
  if (s.length > max * 2) return true;
  let count = 0;
  for (const _ of s) if (++count > max) return true;
  return false;
}

// A lone surrogate cannot be stored as UTF-8 (SQLite keeps the bytes, and a
// reader such as Python's sqlite3 then fails on the row); control characters
// other than newline and tab have no place in text a person reads.
const LONE_SURROGATE = /\p{Surrogate}/u;
const CONTROL = /[^\P{Cc}\n\t]/u;
// Spaces, zero-width and other format characters: a name made only of these looks empty.
const VISIBLE = /[^\p{White_Space}\p{Cf}\p{Cc}]/u;

/** Refuses text that is not well-formed or carries control characters; `visible` also refuses text with nothing to see. */
export function checkText(value: string, field: string, what: string, visible = false): string {
  if (LONE_SURROGATE.test(value)) throw invalidArgument(field, `${what} has a broken character (a lone UTF-16 surrogate)`);
  if (CONTROL.test(value)) throw invalidArgument(field, `${what} has a control character (only newlines and tabs are allowed)`);
  if (visible && !VISIBLE.test(value)) throw invalidArgument(field, `${what} needs at least one visible character`);
  return value;
}

export function checkMessageId(id: string): void {
  if (id.length < 1 || id.length > LIMITS.messageIdMax) {
    throw invalidArgument('message_id', `message_id must be 1-${LIMITS.messageIdMax} characters`);
  }
}

export function checkId(value: string, field: string): string {
  if (!value) throw invalidArgument(field, `${field} is required`);
  if (value.length > LIMITS.idMax) throw invalidArgument(field, `${field} is too long`);
  return value;
}

export function checkProjectKey(key: string): string {
  if (!LIMITS.projectKey.test(key)) {
    throw invalidArgument('key', 'A project key is 2-10 upper-case letters, like WEB');
  }
  return key;
}

// Each check below measures a text before it reads it through (checkText's
// character rules), so a value far over its limit costs the length check.

export function checkProjectName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw invalidArgument('name', 'A project needs a name');
  if (trimmed.length > LIMITS.projectNameMax) {
    throw invalidArgument('name', `A project name is at most ${LIMITS.projectNameMax} characters`);
  }
  return checkText(trimmed, 'name', 'The project name', true);
}

export function checkProjectDescription(text: string): string {
  if (overBytes(text, LIMITS.projectDescriptionBytes)) {
    throw invalidArgument('description', 'The project description is too long (16 KiB at most)');
  }
  return checkText(text, 'description', 'The project description');
}

export function checkTitle(title: string): string {
  const trimmed = title.trim();
  if (!trimmed) throw invalidArgument('title', 'A work item needs a title');
  if (overCodePoints(trimmed, LIMITS.titleMax)) {
    throw invalidArgument('title', `A title is at most ${LIMITS.titleMax} characters`);
  }
  return checkText(trimmed, 'title', 'The title', true);
}

export function checkDescription(text: string): string {
  if (overBytes(text, LIMITS.descriptionBytes)) {
    throw invalidArgument('description', 'The description is too long (64 KiB at most)');
  }
  return checkText(text, 'description', 'The description');
}

export function checkItemType(type: ItemType | null | undefined): ItemType {
  if (type === undefined || type === null || type === ItemType.ITEM_TYPE_UNSPECIFIED || !(type in ItemType)) {
    throw invalidArgument('item_type', 'Choose an item type: epic, story, task, bug or sub-task');
  }
  return type;
}

export function checkPriority(priority: Priority | null | undefined): Priority {
  const p = priority ?? Priority.PRIORITY_NONE;
  if (!(p in Priority)) throw invalidArgument('priority', 'Unknown priority');
  return p;
}

export function checkStoryPoints(points: number): number {
  if (!Number.isFinite(points) || points < 0 || points > LIMITS.storyPointsMax) {
    throw invalidArgument('story_points', `Story points are a number from 0 to ${LIMITS.storyPointsMax}`);
  }
  return points;
}

/**
 * Trimmed, de-duplicated and sorted. The count is checked as the list is read,
 * so a frame full of labels costs no more than the limit allows.
 */
export function checkLabels(labels: readonly string[]): string[] {
  const tooMany = () => invalidArgument('labels', `An item has at most ${LIMITS.labelsPerItem} labels`);
  // Repeats are forgiven, but a list this long is not a person's.
  if (labels.length > LIMITS.labelEntriesMax) throw tooMany();
  const out = new Set<string>();
  for (const raw of labels) {
    const label = raw.trim();
    if (!label || label.length > LIMITS.labelMax) {
      throw invalidArgument('labels', `A label is 1-${LIMITS.labelMax} characters`);
    }
    checkText(label, 'labels', 'A label', true);
    out.add(label);
    if (out.size > LIMITS.labelsPerItem) throw tooMany();
  }
  return [...out].sort();
}

export function checkCommentBody(body: string): string {
  if (overBytes(body, LIMITS.commentBytes)) {
    throw invalidArgument('body', 'The comment is too long (64 KiB at most)');
  }
  if (!body.trim()) throw invalidArgument('body', 'A comment cannot be empty');
  return checkText(body, 'body', 'The comment', true);
}

export function checkSprintName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw invalidArgument('name', 'A sprint needs a name');
  if (trimmed.length > LIMITS.sprintNameMax) {
    throw invalidArgument('name', `A sprint name is at most ${LIMITS.sprintNameMax} characters`);
  }
  return checkText(trimmed, 'name', 'The sprint name', true);
}

export function checkSprintGoal(goal: string): string {
  if (goal.length > LIMITS.sprintGoalMax) {
    throw invalidArgument('goal', `A sprint goal is at most ${LIMITS.sprintGoalMax} characters`);
  }
  return checkText(goal, 'goal', 'The sprint goal');
}

/** A calendar date YYYY-MM-DD that exists, or empty. */
export function checkDate(value: string, field: string): string {
  if (value === '') return value;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== value) {
    throw invalidArgument(field, `${field} must be a date written YYYY-MM-DD`);
  }
  return value;
}

/** Minutes of an estimate or a work log: whole, and at most a year of working days (a typo, not a plan, past that). */
export const MINUTES_MAX = 366 * 24 * 60;

export function checkEstimate(minutes: number, field: string): number {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MINUTES_MAX) {
    throw invalidArgument(field, `${field} must be whole minutes from 0 to ${MINUTES_MAX}`);
  }
  return minutes;
}

/** An item's start date cannot come after its due date (either may be empty). */
export function checkItemDates(start: string, due: string): void {
  if (start && due && start > due) throw invalidArgument('due_date', 'The due date comes before the start date');
}

export function checkDateRange(start: string, end: string): void {
  if (start && end && end < start) throw invalidArgument('end_date', 'A sprint cannot end before it starts');
}
