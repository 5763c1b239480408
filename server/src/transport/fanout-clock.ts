// Times a write's fan-out at the server: from its frame's arrival to the
// moment every subscriber's copy has been handed to the kernel.
//
// uWS does not send a small publish at once: it queues it in its topic tree
// and writes every subscriber's copy when its own loop handler runs at the
// end of the turn, which JavaScript cannot stamp. The first immediate of the
// next turn comes after those writes (seen with strace: every sendto of the
// publish precedes it), so the clock stops there. Whatever I/O the server
// handles between the two counts against the figure, never for it.

export class FanoutClock {
  private started: number[] = [];

  constructor(
    private readonly observe: (seconds: number) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A write whose events were just published to someone; `arrivedAt` is its frame's arrival on `now`'s clock. */
  published(arrivedAt: number): void {
    if (this.started.length === 0) setImmediate(() => this.stop());
    this.started.push(arrivedAt);
  }

  private stop(): void {
    const end = this.now();
    const started = this.started;
    this.started = [];
    for (const at of started) this.observe((end - at) / 1000);
  }
}
