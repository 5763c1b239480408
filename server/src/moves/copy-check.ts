// What a moved copy must share with its source before placement flips
// (docs/DESIGN.md decision 57): a sound integrity_check, the row count of
// every table, the last event seq of every project.
import type { FileFigures } from '../tenancy/file-worker.ts';

/** Where the copy differs from its source, in words; null when it does not. */
export function differences(source: FileFigures, copy: FileFigures): string | null {
  if (copy.integrity !== 'ok') return `the copy failed integrity_check: ${copy.integrity ?? 'not checked'}`;
  const found: string[] = [];
  const compare = (what: string, a: Record<string, number>, b: Record<string, number>) => {
    for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (a[name] !== b[name]) found.push(`${what} ${name}: ${a[name] ?? 'none'} here, ${b[name] ?? 'none'} in the copy`);
    }
  };
  compare('rows of', source.tables, copy.tables);
  compare('last seq of project', source.seqs, copy.seqs);
  return found.length > 0 ? found.slice(0, 5).join('; ') : null;
}
