import { openCore } from '../../../src/main/core/createCore'
import { cpuMs, memoryMb } from './memory'
import { markOpenCorePhases } from './phaseMarks'

/**
 * One cold-start sample of our stack, in a fresh process: open the core on the profile folder
 * (argv[2]) and ask dashboard.summary once for the range in argv[3]. Prints one JSON line as soon
 * as the answer is in (timestamps are performance.now(), i.e. ms since this process started),
 * then shuts the core down cleanly so the next sample opens a tidy profile.
 */
const loadedMs = performance.now()
const loadedCpuMs = cpuMs()
const marks = markOpenCorePhases()
const [dataDir, rangeJson] = process.argv.slice(2)
const { core } = await openCore({ dataDir: dataDir!, deviceName: 'Bench desktop' })
const openedMs = performance.now()
const openedCpuMs = cpuMs()
const answer = await core.dispatch('dashboard.summary', JSON.parse(rangeJson!))
const firstDataMs = performance.now()
const firstDataCpuMs = cpuMs()
const { rssMb, peakRssMb } = memoryMb()
process.stdout.write(`${JSON.stringify({ timeOrigin: performance.timeOrigin, loadedMs, openedMs, firstDataMs, loadedCpuMs, openedCpuMs, firstDataCpuMs, rssMb, peakRssMb, marks, answer })}\n`)
await core.shutdown()
