// Run in a child process by SessionMarker.test.ts: opens a core whose document saves never reach
// the disk (as when a process dies inside automerge-repo's ~100 ms save throttle), creates a
// contact, whose index row IS written, reports it on stdout and waits to be killed.
import { openCore } from '../createCore'
import { call } from './coreHarness'

const [dataDir] = process.argv.slice(2)
const { core, internals } = await openCore({ dataDir: dataDir! })
internals.ctx.storage.save = () => new Promise<void>(() => undefined)
const { contact } = await call(core, 'contacts.create', { fields: { name: 'Never saved' } })
const listed = await call(core, 'contacts.list', {})
process.stdout.write(`${JSON.stringify({ contactId: contact.id, listed: listed.rows.map((row) => row.id) })}\n`)
process.stdin.resume()
