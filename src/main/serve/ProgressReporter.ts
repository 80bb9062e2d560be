/** Prints "Reindexing: 40% (400/1000)" at most once per 10% step, so a log stays short for any size. */
export class ProgressReporter {
  private lastStep = -1

  constructor(
    private readonly write: (line: string) => void,
    private readonly label: string,
  ) {}

  report(done: number, total: number): void {
    const step = total <= 0 ? 10 : Math.min(10, Math.floor((done / total) * 10))
    if (step <= this.lastStep) return
    this.lastStep = step
    this.write(`${this.label}: ${step * 10}% (${done}/${total})`)
  }
}
