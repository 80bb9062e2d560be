import { median } from '../../harness/sideBySide'
import type { ColdStartSample } from './childVariant'

/** One sample cut into consecutive phases: [phase, wall ms, CPU ms]. */
function phasesOf(sample: ColdStartSample): Array<[string, number, number]> {
  const phases: Array<[string, number, number]> = [['Node start-up and code loading', sample.loadedMs, sample.loadedCpuMs]]
  const marks = sample.marks ?? []
  let named: [number, number] = [0, 0]
  let previous: [number, number] = [sample.loadedMs, sample.loadedCpuMs]
  for (const [name, ms, cpu] of marks) {
    if (name.endsWith(' start')) {
      previous = [ms, cpu]
      continue
    }
    phases.push([name, ms - previous[0], cpu - previous[1]])
    named = [named[0] + ms - previous[0], named[1] + cpu - previous[1]]
    previous = [ms, cpu]
  }
  phases.push(['rest of the open (raw: new Database)', sample.openedMs - sample.loadedMs - named[0], sample.openedCpuMs - sample.loadedCpuMs - named[1]])
  phases.push(['first dashboard data (raw: the replay)', sample.firstDataMs - sample.openedMs, sample.firstDataCpuMs - sample.openedCpuMs])
  return phases
}

/** Median wall and CPU ms of each phase over the samples, in order, as text for the notes. */
export function phaseBreakdown(samples: readonly ColdStartSample[]): string {
  const cut = samples.map(phasesOf)
  return cut[0]!
    .map(([name], i) => `${name} ${median(cut.map((p) => p[i]![1])).toFixed(0)} ms wall / ${median(cut.map((p) => p[i]![2])).toFixed(0)} ms CPU`)
    .join('; ')
}
