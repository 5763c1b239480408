// Where each cell takes requests from other cells (docs/DESIGN.md decision
// 57): one Redis hash, `<PLACEMENT_KEY>:cells`, cell → its internal address,
// written by each instance when it starts listening. The instances of one
// cell share a data folder, so any of them will do, and the last to start
// answers for the cell.
import type { Redis } from 'ioredis';

export class CellDirectory {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
  ) {}

  private get hash(): string {
    return `${this.key}:cells`;
  }

  async publish(cell: string, url: string): Promise<void> {
    await this.redis.hset(this.hash, cell, url);
  }

  async urlOf(cell: string): Promise<string | null> {
    return this.redis.hget(this.hash, cell);
  }
}
