import { readFileSync } from 'node:fs'

/**
 * This process's peak and current resident set size, in MB. The peak is Linux's VmHWM (the high
 * water mark of this process image), not process.resourceUsage().maxRSS: ru_maxrss survives
 * exec, so a child spawned from a 300 MB test worker would report the worker's 300 MB.
 */
export function memoryMb(): { rssMb: number; peakRssMb: number } {
  const rssMb = process.memoryUsage().rss / 2 ** 20
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (hwm) return { rssMb, peakRssMb: Number(hwm[1]) / 1024 }
  } catch {
    // Not Linux: fall back to maxRSS (right when the parent is small).
  }
  return { rssMb, peakRssMb: process.resourceUsage().maxRSS / 1024 }
}

/** CPU time this process has used so far (all threads: main, GC helpers, V8's compilers), in ms. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
