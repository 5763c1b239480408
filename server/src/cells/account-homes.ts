// Which cell keeps each standalone account (docs/DESIGN.md decision 58). A
// cell's account directory is its own, so an email belongs to the cell it
// signed up or was first invited on. A second placement hash,
// `<PLACEMENT_KEY>:accounts`, email → cell, is claimed first come as a
// tenant is, and its changes go out on its own channel, from which
// placement:sync keeps HAProxy's account map: a log-in or sign-up naming an
// email reaches the cell that keeps it, whichever cell holds the least.
import type { Logger } from '../log.ts';
import { Placement } from './placement.ts';
import { AccountElsewhere, PlacementUnavailable } from './refusals.ts';

export const accountHomesKey = (placementKey: string): string => `${placementKey}:accounts`;

/** Claims or hand-overs sent to Redis together, one round trip a batch. */
const AT_ONCE = 200;

async function inBatches<T>(emails: readonly string[], each: (email: string) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < emails.length; i += AT_ONCE) out.push(...(await Promise.all(emails.slice(i, i + AT_ONCE).map(each))));
  return out;
}

export class AccountHomes {
  private readonly homes: Placement;
  private closed = false;

  constructor(
    redisUrl: string,
    placementKey: string,
    readonly cell: string,
    private readonly log: Logger,
  ) {
    this.homes = new Placement(redisUrl, accountHomesKey(placementKey), cell, log, false);
  }

  start(): void {
    this.homes.start();
  }

  close(): Promise<void> {
    this.closed = true;
    return this.homes.close();
  }

  /** Refuses with AccountElsewhere when another cell keeps `email`'s account; an email no cell keeps passes. */
  async refuseElsewhere(email: string): Promise<void> {
    const cell = await this.ask(() => this.homes.cellOf(email));
    if (cell !== null && cell !== this.cell) throw new AccountElsewhere(cell);
  }

  /** Makes this cell `email`'s home unless another cell is already (AccountElsewhere). */
  async claim(email: string): Promise<void> {
    const cell = await this.ask(() => this.homes.claim(email));
    if (cell !== this.cell) throw new AccountElsewhere(cell);
  }

  /** Hands these emails' homes to `cell`, where their workspace moved (auth/moving-accounts.ts); placement:sync's map follows. */
  async handEvery(emails: readonly string[], cell: string): Promise<void> {
    await this.ask(() => inBatches(emails, (email) => this.homes.place(email, cell)));
  }

  /**
   * Claims every account of this cell's directory, for directories that held
   * accounts before the cell was named or before homes were kept; tried again
   * until Redis answers. An email another cell claimed first keeps that home,
   * and is logged: its log-in reaches the other cell.
   */
  async claimEvery(emails: readonly string[]): Promise<void> {
    for (let attempt = 1; !this.closed; attempt++) {
      try {
        const cells = await inBatches(emails, (email) => this.homes.claim(email));
        const elsewhere = cells.filter((cell) => cell !== this.cell).length;
        if (elsewhere > 0) this.log.warn('accounts_kept_elsewhere', { count: elsewhere, cell: this.cell });
        return;
      } catch (err) {
        this.log.warn('account_homes_not_claimed', { attempt, error: err instanceof Error ? err.message : String(err) });
        await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * attempt, 10_000)).unref());
      }
    }
  }

  private async ask<T>(question: () => Promise<T>): Promise<T> {
    try {
      return await question();
    } catch (err) {
      this.log.warn('account_homes_unreadable', { error: err instanceof Error ? err.message : String(err) });
      throw new PlacementUnavailable();
    }
  }
}
