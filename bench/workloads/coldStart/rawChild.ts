import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { preparedReplay, type RecordedStatement } from '../../harness/sqlRecorder'
import { cpuMs, memoryMb } from './memory'

/**
 * One cold-start sample of the baseline, in a fresh process: open the SQLite file (argv[2]) with
 * raw better-sqlite3, read-only, and replay the statements one dashboard.summary ran (the JSON log
 * in argv[3], recorded by the parent), in one read transaction as the core does. Prints one JSON
 * line with the same fields as oursChild, the rows standing in for the answer.
 */
const loadedMs = performance.now()
const loadedCpuMs = cpuMs()
const [file, logFile] = process.argv.slice(2)
const log = JSON.parse(readFileSync(logFile!, 'utf8')) as RecordedStatement[]
const db = new Database(file!, { readonly: true })
const openedMs = performance.now()
const openedCpuMs = cpuMs()
const rows = db.transaction(preparedReplay(db, log))()
const firstDataMs = performance.now()
const firstDataCpuMs = cpuMs()
const { rssMb, peakRssMb } = memoryMb()
process.stdout.write(`${JSON.stringify({ timeOrigin: performance.timeOrigin, loadedMs, openedMs, firstDataMs, loadedCpuMs, openedCpuMs, firstDataCpuMs, rssMb, peakRssMb, answer: rows })}\n`)
db.close()
