import { recordHostileResult } from './trials'

/**
 * Figures of several tests recorded as one hostile result: each test adds its trials and figures
 * when it passes; `record` (in afterAll) counts the tests that did not as failures.
 */
export class PeerTally {
  private trials = 0
  private passed = 0
  private started = 0
  private readonly startedAt = performance.now()
  private readonly figures: Record<string, number | string> = {}

  constructor(
    private readonly id: string,
    private readonly tried: string,
  ) {}

  /** Call at the start of each test. */
  begin(): void {
    this.started++
  }

  /** Call at the end of a test that passed. */
  pass(trials: number, figures: Record<string, number | string>): void {
    this.trials += trials
    this.passed++
    for (const [name, value] of Object.entries(figures)) {
      const before = this.figures[name]
      this.figures[name] = typeof value === 'number' && typeof before === 'number' ? (name.startsWith('max') ? Math.max(before, value) : before + value) : value
    }
  }

  record(): void {
    if (this.started === 0) return
    recordHostileResult({ id: this.id, tried: this.tried, trials: this.trials, failures: this.started - this.passed, durationMs: Math.round(performance.now() - this.startedAt), figures: this.figures })
  }
}
