// What the Settings drafts (workflow, item types, custom fields) do to their
// rows alike: a row is known by `key` while edited and by `id` once saved.
// Each returns the same array when nothing changes, so a draft can stay the
// same object and the editor shows nothing changed.

interface Row {
  key: string;
  id: string;
}

/** The row with `key` changed by `edit`; `same` says when the edit changed nothing. */
export function replaceRow<R extends Row>(rows: readonly R[], key: string, edit: (row: R) => R, same: (a: R, b: R) => boolean): readonly R[] {
  const at = rows.findIndex((r) => r.key === key);
  const row = rows[at];
  if (!row) return rows;
  const next = edit(row);
  if (same(next, row)) return rows;
  const list = [...rows];
  list[at] = next;
  return list;
}

/** One place up (-1) or down (+1); unchanged at either end. */
export function moveRow<R extends Row>(rows: readonly R[], key: string, by: -1 | 1): readonly R[] {
  const at = rows.findIndex((r) => r.key === key);
  const to = at + by;
  if (at < 0 || to < 0 || to >= rows.length) return rows;
  const list = [...rows];
  [list[at], list[to]] = [list[to]!, list[at]!];
  return list;
}

export function dropRow<R extends Row>(rows: readonly R[], key: string): readonly R[] {
  return rows.some((r) => r.key === key) ? rows.filter((r) => r.key !== key) : rows;
}

/** Saved rows the draft leaves out: they go when it is saved. */
export function missingRows<R extends Row>(rows: readonly R[], saved: readonly R[]): R[] {
  const kept = new Set(rows.map((r) => r.id));
  return saved.filter((r) => !kept.has(r.id));
}

/** A saved row back as the server has it, after the nearest row before it there that is still in the draft (or first). */
export function restoreRow<R extends Row>(rows: readonly R[], saved: readonly R[], id: string): readonly R[] {
  const row = saved.find((r) => r.id === id);
  if (!row || rows.some((r) => r.id === id)) return rows;
  const list = [...rows];
  const before = saved.slice(0, saved.indexOf(row)).reverse().find((b) => list.some((r) => r.id === b.id));
  list.splice(before ? list.findIndex((r) => r.id === before.id) + 1 : 0, 0, row);
  return list;
}
