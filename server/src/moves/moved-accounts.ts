// A standalone workspace's people, which a move carries with its file
// (docs/DESIGN.md decision 61): each cell keeps its own account directory, so
// the source reads the workspace's accounts and memberships, the target keeps
// them before the install, and after the flip the source hands their log-ins
// to the target and forgets them. auth/ keeps them; server.ts hands them to
// the moves.
export interface MovedAccounts {
  /** Why the tenant cannot move with its people, or null. */
  refusal(tenantId: string): string | null;
  /** What the target is to keep, as JSON; null when this cell keeps no people of the tenant (a host tenant). */
  read(tenantId: string): unknown;
  /** The target keeps what `read` gave, before the file is installed. */
  arrive(tenantId: string, carried: unknown): void;
  /** The target's installed copy was undone: it forgets them again. */
  undo(tenantId: string): void;
  /** After the flip, on the source: their log-ins go to cell `to`, their sessions here end, this cell forgets them. */
  left(tenantId: string, to: string): Promise<void>;
}
