// What the query tool refuses, in words an LLM can act on. The locks are the
// read-only file and query_only; these checks come before compiling because
// SQLite applies some PRAGMAs while compiling them, and they turn the likely
// mistakes (a write, ATTACH, a setting) into a clear refusal.
import type { Statement } from 'better-sqlite3';

const LEADING_NOISE = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;

/** Pragmas whose argument names a table or an index: they report and change nothing. */
const TABLE_PRAGMAS = new Set([
  'table_info', 'table_xinfo', 'table_list', 'index_list', 'index_info', 'index_xinfo',
  'foreign_key_list', 'foreign_key_check', 'integrity_check', 'quick_check',
]);

/** Pragmas that report with no argument; given one (`= 5` or `(5)`) they would set it. */
const BARE_PRAGMAS = new Set([
  'user_version', 'schema_version', 'application_id', 'data_version', 'page_count', 'page_size',
  'freelist_count', 'encoding', 'compile_options', 'function_list', 'collation_list', 'module_list', 'pragma_list',
]);

const READS = 'this tool only reads: use SELECT (or WITH, VALUES, EXPLAIN, or a PRAGMA that only reports, such as table_info)';

function pragmaRefusal(statement: string): string | null {
  const form = /^PRAGMA\s+(?:([a-z_]\w*)\s*\.\s*)?([a-z_]\w*)\s*([\s\S]*)$/i.exec(statement);
  if (!form) return `this PRAGMA is refused: ${READS}`;
  const [, schema, rawName, rest] = form;
  const name = rawName!.toLowerCase();
  if (schema !== undefined && schema.toLowerCase() !== 'main') return `PRAGMA ${schema}.${name} is refused: only the main schema can be read`;
  const argument = rest!.trim();
  if (argument.startsWith('=')) return `PRAGMA ${name} = … is refused: it would change a setting, and ${READS}`;
  if (TABLE_PRAGMAS.has(name)) return null;
  if (BARE_PRAGMAS.has(name)) {
    return argument.startsWith('(') ? `PRAGMA ${name}(…) is refused: with a value it would change a setting, and ${READS}` : null;
  }
  return `PRAGMA ${name} is refused: ${READS}. Pragmas allowed: ${[...TABLE_PRAGMAS, ...BARE_PRAGMAS].join(', ')}`;
}

/** A refusal for the SQL as written, or null to go on and compile it. */
export function refusalOf(sql: string): string | null {
  const statement = sql.replace(LEADING_NOISE, '');
  if (statement === '') return 'no SQL given: send one SELECT statement';
  // SQLite itself keeps the SQL function off; naming it here gives a reason instead of "not authorized".
  if (/\bload_extension["`\]]?\s*\(/i.test(sql)) return 'load_extension is refused: this tool never loads extensions';
  const keyword = /^[a-z]+/i.exec(statement)?.[0].toUpperCase() ?? '';
  switch (keyword) {
    case 'SELECT':
    case 'WITH':
    case 'VALUES':
      return null;
    case 'EXPLAIN':
      return refusalOf(statement.slice(keyword.length).replace(/^\s*QUERY\s+PLAN\b/i, ''));
    case 'PRAGMA':
      return pragmaRefusal(statement);
    case 'ATTACH':
    case 'DETACH':
      return `${keyword} is refused: this tool reads this tenant's file and no other`;
    default:
      return `${keyword || 'This statement'} is refused: ${READS}`;
  }
}

/** What compiling told us: a WITH ... INSERT is caught here, as is anything that returns no rows. */
export function compiledRefusal(stmt: Statement): string | null {
  if (!stmt.readonly) return `the statement is refused: it would change the file, and ${READS}`;
  if (!stmt.reader) return `the statement is refused: it returns no rows, and ${READS}`;
  return null;
}
