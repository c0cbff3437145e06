// Coalesces writes to .dossier/: changes within `delayMs` share one write, and writes never
// overlap (each waits for the previous one).
export class WriteScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly delayMs: number,
    private readonly write: () => Promise<void>,
  ) {}

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(() => undefined); // the write reports its own failures
    }, this.delayMs);
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }

  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const run = this.chain.then(() => this.write());
    this.chain = run.catch(() => undefined);
    return run;
  }
}
