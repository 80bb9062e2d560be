import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'

/**
 * When STAFFROOM_BENCH_CPU_PROFILE names a file, records a CPU profile of `run` there (open it in
 * Chrome DevTools); otherwise just runs it. Vitest's workers ignore --cpu-prof, so the profiler is
 * started in-process.
 */
export async function profiled<T>(run: () => Promise<T>): Promise<T> {
  const file = process.env.STAFFROOM_BENCH_CPU_PROFILE
  if (!file) return run()
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 200 })
  await session.post('Profiler.start')
  try {
    return await run()
  } finally {
    const { profile } = await session.post('Profiler.stop')
    writeFileSync(file, JSON.stringify(profile))
    session.disconnect()
  }
}
