// Version 3: full-text search over work items (key, title, description) and
// comments, kept in step by triggers so every path that writes an item or a
// comment (a command, an import, a script) indexes it in its own transaction.
//
// pm_search is an FTS5 table with its own copy of the text (snippets need it).
// pm_search_rows says which item or comment each of its rows is: FTS5 cannot
// look a row up by an unindexed column without a scan, so triggers find the
// row to change through it, and a search joins through it to the item. FTS5's
// rowids are its own INTEGER PRIMARY KEY, so VACUUM keeps them.
//
// Deleted items and comments keep their rows (a restore brings them back
// with nothing to re-index); a search leaves them out by joining the live ones.
export const SCHEMA_V3_SEARCH = `
CREATE VIRTUAL TABLE pm_search USING fts5(
  key, title, body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TABLE pm_search_rows (
  entity_id TEXT PRIMARY KEY,
  work_item_id TEXT NOT NULL,
  project_id TEXT NOT NULL,
  search_rowid INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;

CREATE TRIGGER pm_search_item_added AFTER INSERT ON pm_work_items BEGIN
  INSERT INTO pm_search (key, title, body) VALUES (new.key, new.title, new.description);
  INSERT INTO pm_search_rows (entity_id, work_item_id, project_id, search_rowid)
  VALUES (new.id, new.id, new.project_id, last_insert_rowid());
END;

CREATE TRIGGER pm_search_item_changed AFTER UPDATE OF key, title, description ON pm_work_items BEGIN
  UPDATE pm_search SET key = new.key, title = new.title, body = new.description
  WHERE rowid = (SELECT search_rowid FROM pm_search_rows WHERE entity_id = new.id);
END;

CREATE TRIGGER pm_search_comment_added AFTER INSERT ON pm_comments BEGIN
  INSERT INTO pm_search (key, title, body) VALUES ('', '', new.body);
  INSERT INTO pm_search_rows (entity_id, work_item_id, project_id, search_rowid)
  VALUES (new.id, new.work_item_id, (SELECT project_id FROM pm_work_items WHERE id = new.work_item_id), last_insert_rowid());
END;

CREATE TRIGGER pm_search_comment_changed AFTER UPDATE OF body ON pm_comments BEGIN
  UPDATE pm_search SET body = new.body
  WHERE rowid = (SELECT search_rowid FROM pm_search_rows WHERE entity_id = new.id);
END;
`;

/**
 * Indexes what a file held before version 3, as the triggers would have: the
 * items, then the comments, numbered in the order they were made (the same
 * numbering gives pm_search its rowids and pm_search_rows its search_rowid).
 */
export const BACKFILL_V3_SEARCH = `
CREATE TEMP TABLE search_backfill AS
SELECT row_number() OVER (ORDER BY kind, created_at_ms, id) AS n, * FROM (
  SELECT 0 AS kind, id, id AS work_item_id, project_id, key, title, description AS body, created_at_ms FROM pm_work_items
  UNION ALL
  SELECT 1, c.id, c.work_item_id, w.project_id, '', '', c.body, c.created_at_ms
  FROM pm_comments c JOIN pm_work_items w ON w.id = c.work_item_id
);
INSERT INTO pm_search (rowid, key, title, body) SELECT n, key, title, body FROM search_backfill ORDER BY n;
INSERT INTO pm_search_rows (entity_id, work_item_id, project_id, search_rowid) SELECT id, work_item_id, project_id, n FROM search_backfill;
DROP TABLE search_backfill;
`;
