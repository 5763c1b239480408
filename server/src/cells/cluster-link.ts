// This instance's Redis side of tenant moves (docs/DESIGN.md decision 57),
// with CELL and CLUSTER_SECRET: the moves' records and marks, the cells'
// addresses, and which tenants are read-only here now. One connection for
// commands, one subscribed to the marks.
import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import { CellDirectory } from './cell-directory.ts';
import { MoveBook } from './move-record.ts';
import { ReadOnlyTenants } from './read-only.ts';

const reconnectAfter = (attempt: number) => Math.min(100 * attempt, 1000);

export class ClusterLink {
  readonly book: MoveBook;
  readonly directory: CellDirectory;
  readonly readOnly: ReadOnlyTenants;
  private readonly commands: Redis;
  private address: { cell: string; url: string } | null = null;

  constructor(
    url: string,
    /** PLACEMENT_KEY: everything here lives under it. */
    key: string,
    private readonly log: Logger,
  ) {
    // As placement's: a command waits a second for a connection, then fails.
    this.commands = new Redis(url, { lazyConnect: true, commandTimeout: 1000, maxRetriesPerRequest: 1, retryStrategy: reconnectAfter });
    this.commands.on('error', (err: Error) => log.debug('cluster_redis_error', { error: err.message }));
    // Written again on every connection: a Redis that lost its data learns this cell's address back.
    this.commands.on('ready', () => this.publishAddress());
    this.book = new MoveBook(this.commands, key);
    this.directory = new CellDirectory(this.commands, key);
    this.readOnly = new ReadOnlyTenants(url, this.book, log);
  }

  start(): void {
    this.commands.connect().catch((err: Error) => this.log.warn('cluster_redis_unavailable', { error: err.message }));
    this.readOnly.start();
  }

  /** Where other cells reach this one; published now and after every reconnect. */
  announce(cell: string, url: string): void {
    this.address = { cell, url };
    if (this.commands.status === 'ready') this.publishAddress();
  }

  close(): void {
    this.readOnly.close();
    this.commands.disconnect();
  }

  private publishAddress(): void {
    const address = this.address;
    if (!address) return;
    this.directory.publish(address.cell, address.url).then(
      () => this.log.info('cell_address_published', address),
      (err: Error) => this.log.warn('cell_address_not_published', { ...address, error: err.message }),
    );
  }
}
