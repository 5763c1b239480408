// A CSV request body, parsed by csv-parse as its chunks arrive (quoted fields
// over several lines, doubled quotes, a BOM), within a byte and a row budget.
// Each record keeps where it is in the file: its row as a spreadsheet numbers
// it (the header is row 1) and the line it starts on.
import { CsvError, parse, type Info } from 'csv-parse';

export interface CsvRow {
  row: number;
  line: number;
  values: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/** Past a budget: the route answers 413. */
export class CsvTooBig extends Error {}

/** The file is not CSV at `row` and `line`. */
export class CsvBroken extends Error {
  constructor(
    message: string,
    readonly row: number,
    readonly line: number,
  ) {
    super(message);
  }
}

export interface CsvLimits {
  maxBytes: number;
  /** Rows after the header. */
  maxRows: number;
}

export class CsvBody {
  private readonly parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true });
  private readonly records: CsvRow[] = [];
  private readonly done: Promise<void>;
  private bytes = 0;
  private lastLine = 0;
  private lastEmptyLines = 0;
  private failure: Error | null = null;

  constructor(private readonly limits: CsvLimits) {
    this.done = new Promise((resolve, reject) => {
      this.parser.on('data', (record: { record: string[]; info: Info }) => this.take(record));
      this.parser.on('end', resolve);
      this.parser.on('error', (err) => {
        this.failure ??= err instanceof CsvError ? new CsvBroken(err.message, Number(err['records']) + 1, this.startLine(Number(err['empty_lines']))) : err;
        reject(this.failure);
      });
    });
    // Settled by end(); until then a failure must not count as unhandled.
    this.done.catch(() => undefined);
  }

  /**
   * Parses one more chunk of the body. Throws as soon as the file is known to
   * be refused (past a budget, not CSV), so the answer need not wait for the rest.
   */
  push(chunk: Buffer): void {
    if (this.failure) throw this.failure;
    this.bytes += chunk.byteLength;
    if (this.bytes > this.limits.maxBytes) this.fail(new CsvTooBig(`The file is over ${mib(this.limits.maxBytes)}`));
    else this.parser.write(chunk);
    if (this.failure) throw this.failure;
  }

  /** After the last chunk: the header and the rows, or why there are none. */
  async end(): Promise<CsvTable> {
    if (!this.failure) this.parser.end();
    await this.done;
    const [header, ...rows] = this.records;
    if (!header) throw new CsvBroken('The file is empty: it needs a header row and a row per item', 1, 1);
    return { header: header.values, rows };
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.parser.destroy(err);
  }

  /** A record starts after the last one ended, past the empty lines skipped since. */
  private startLine(emptyLines: number): number {
    return this.lastLine + 1 + (emptyLines - this.lastEmptyLines);
  }

  private take({ record, info }: { record: string[]; info: Info }): void {
    if (this.failure) return;
    const line = this.startLine(info.empty_lines);
    this.lastLine = info.lines;
    this.lastEmptyLines = info.empty_lines;
    this.records.push({ row: this.records.length + 1, line, values: record });
    if (this.records.length > this.limits.maxRows + 1) {
      this.fail(new CsvTooBig(`The file has more than ${this.limits.maxRows.toLocaleString('en')} rows; split it`));
    }
  }
}

const mib = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MiB`;
