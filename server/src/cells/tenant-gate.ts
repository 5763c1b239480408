// What this instance does with a tenant's placement (docs/DESIGN.md decision
// 55). The edges (the socket upgrade, the /api routes, sign-up and log-in)
// settle it before anything opens a file, claiming a tenant no cell holds yet
// for this cell once its caller has proved who they are; TenantDatabases then
// asks `check`, synchronously and from the cache alone, before every open and
// every use, so a tenant of another cell, or of no known cell, never gets a
// file here.
import type { Logger } from '../log.ts';
import type { Placement } from './placement.ts';
import { PlacementUnavailable, TenantElsewhere } from './refusals.ts';

export class TenantGate {
  constructor(
    private readonly placement: Placement,
    private readonly log: Logger,
  ) {}

  get cell(): string {
    return this.placement.cell;
  }

  /** From the cache alone: true when this cell holds the tenant, undefined when the cache does not know. Throws TenantElsewhere. */
  known(tenantId: string): true | undefined {
    const cell = this.placement.cached(tenantId);
    if (cell === undefined) return undefined;
    if (cell !== this.cell) throw new TenantElsewhere(cell);
    return true;
  }

  /**
   * Settles where the tenant lives. True when this cell holds it, claimed now
   * if no cell did and `authenticated()` says the caller proved who they are;
   * false when no cell holds it and the caller did not (the edge refuses them
   * as it would have anyway). Rejects with TenantElsewhere, or with
   * PlacementUnavailable when Redis does not answer.
   */
  async admit(tenantId: string, authenticated: () => boolean): Promise<boolean> {
    if (this.known(tenantId)) return true;
    let cell = await this.ask(tenantId, () => this.placement.cellOf(tenantId));
    if (cell === null) {
      if (!authenticated()) return false;
      cell = await this.ask(tenantId, () => this.placement.claim(tenantId));
    }
    if (cell !== this.cell) throw new TenantElsewhere(cell);
    return true;
  }

  /**
   * TenantDatabases' guard. A tenant the cache does not know is refused this
   * time and looked up meanwhile, so the next try finds the answer: only
   * background work gets here unasked (a webhook sweep after a restart).
   */
  check(tenantId: string): void {
    if (this.known(tenantId)) return;
    this.placement.cellOf(tenantId).catch(() => undefined);
    throw new PlacementUnavailable();
  }

  private async ask<T>(tenantId: string, question: () => Promise<T>): Promise<T> {
    try {
      return await question();
    } catch (err) {
      this.log.warn('placement_unreadable', { tenant: tenantId, error: err instanceof Error ? err.message : String(err) });
      throw new PlacementUnavailable();
    }
  }
}
