import { peakRssMb } from '../../harness/sideBySide'

/** This process's current and peak resident set size, in MB (the peak from VmHWM: see peakRssMb). */
export function memoryMb(): { rssMb: number; peakRssMb: number } {
  return { rssMb: process.memoryUsage().rss / 2 ** 20, peakRssMb: peakRssMb() }
}

/** CPU time this process has used so far (all threads: main, GC helpers, V8's compilers), in ms. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
