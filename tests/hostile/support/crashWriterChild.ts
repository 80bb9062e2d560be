// The crash-safety child: opens a real core on a profile folder that a killed child may have left
// behind, verifies it (integrity, acknowledged changes, index = reindex), then writes notes,
// interactions and project edits as fast as it can, acknowledging on stdout what is durable,
// until the parent kills it with SIGKILL. Lines: VERIFIED {…} | FAIL {…} | WRITING | ACK {fact} |
// EDITOR_UNAVAILABLE id (the renderer could not open a note just created; counted, see CrashWriter).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { openCore } from '../../../src/main/core/createCore'
import { databaseFileName, openDatabase } from '../../../src/main/core/storage/openDatabase'
import { checkFact, type CrashFact } from './crashFacts'
import { crashIndexSnapshot, snapshotDifferences } from './crashIndexSnapshot'
import { seededRandom } from '@shared/seededRandom'
import { CrashWriter } from './CrashWriter'

const [dataDir, factsFile, seedText] = process.argv.slice(2) as [string, string, string]
// Started without a profile: the parent only wanted the bundle built.
if (!dataDir) process.exit(0)
const say = (line: string) => process.stdout.write(`${line}\n`)
const fail = (details: Record<string, unknown>) => {
  say(`FAIL ${JSON.stringify(details)}`)
  process.exit(1)
}

// If the parent dies, so does this child: it must never write on unattended.
process.stdin.on('end', () => process.exit(2))
process.stdin.resume()
setTimeout(() => process.exit(2), 120_000).unref()

// 1. The file as the killed child left it: opened the way the core opens it, then checked whole.
let integrity = 'new profile'
if (existsSync(join(dataDir, databaseFileName))) {
  const db = openDatabase({ dataDir })
  integrity = String(db.pragma('integrity_check', { simple: true }))
  db.close()
  if (integrity !== 'ok') fail({ integrity })
}

// 2. The core as a user would reopen it; its index must already equal what a reindex gives.
const { core, internals } = await openCore({ dataDir, shell: 'node', deviceName: 'crash-child' })
internals.ctx.indexer.flushPending()
internals.ctx.network.indexer.flushPending()
const indexed = crashIndexSnapshot(internals.db)
await core.reindex().catch((error: unknown) => fail({ reindexFailed: error instanceof Error ? error.stack : String(error) }))
const differences = snapshotDifferences(indexed, crashIndexSnapshot(internals.db))
if (Object.keys(differences).length > 0) fail({ indexDiffers: differences })

// 3. Every change acknowledged before the kill (the parent lists the ones to check).
const facts = existsSync(factsFile) ? (readFileSync(factsFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)) as CrashFact[]) : []
for (const fact of facts) {
  let problem: string | undefined
  try {
    problem = await checkFact(core, fact)
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error)
  }
  if (problem) fail({ lost: fact, problem })
}
say(`VERIFIED ${JSON.stringify({ integrity, facts: facts.length })}`)

// 4. Write until killed.
say('WRITING')
const writer = new CrashWriter(
  core,
  internals.flush,
  seededRandom(Number(seedText)),
  (fact) => say(`ACK ${JSON.stringify(fact)}`),
  (noteId) => say(`EDITOR_UNAVAILABLE ${noteId}`),
)
await writer.run().catch((error: unknown) => fail({ writeFailed: error instanceof Error ? error.stack : String(error) }))
