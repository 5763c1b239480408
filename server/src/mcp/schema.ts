// Every table and view of the tenant file with its columns, described from the
// file's own pm_schema_docs (not this code's copy: the file may be older or
// newer than the code reading it).
import type { Database } from 'better-sqlite3';

export interface ColumnDoc {
  name: string;
  type: string;
  description: string;
}

export interface TableDoc {
  name: string;
  kind: 'table' | 'view';
  description: string;
  columns: ColumnDoc[];
}

// SQLite's own tables (sqlite_sequence...) are left out: the schema docs do not describe them.
const TABLES_SQL = `
SELECT m.name, m.type AS kind, COALESCE(d.description, '') AS description
FROM sqlite_schema m
LEFT JOIN pm_schema_docs d ON d.table_name = m.name AND d.column_name = ''
WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
ORDER BY m.type, m.name`;

const COLUMNS_SQL = `
SELECT c.name, c.type, COALESCE(d.description, '') AS description
FROM pragma_table_info(:table) c
LEFT JOIN pm_schema_docs d ON d.table_name = :table AND d.column_name = c.name
ORDER BY c.cid`;

export function describeSchema(db: Database): TableDoc[] {
  const columns = db.prepare<{ table: string }, ColumnDoc>(COLUMNS_SQL);
  return db
    .prepare<[], Omit<TableDoc, 'columns'>>(TABLES_SQL)
    .all()
    .map((table) => ({ ...table, columns: columns.all({ table: table.name }) }));
}

export function describeTable(db: Database, name: string): TableDoc | undefined {
  return describeSchema(db).find((t) => t.name === name);
}
