import type { GoalProgress } from '../api/goals'

/** Progress as the UI shows it: the count against the target, as a percentage capped at 100. */
export function goalProgress(current: number, target: number, from: string, to: string | null): GoalProgress {
  const percent = target <= 0 ? 0 : Math.min(100, Math.floor((current * 100) / target))
  return { current, target, percent, from, to }
}
