// A Staffroom device in its own process, for multi-process sync tests. Opens the profile given,
// starts sync on loopback and answers one JSON command per stdin line with one JSON stdout line.
import { createInterface } from 'node:readline'
import type { AutomergeUrl } from '@automerge/automerge-repo'
import { next as A } from '@automerge/automerge'
import { createCore } from '../createCore'

const [dataDir, name, portText] = process.argv.slice(2)
const core = await createCore({ dataDir: dataDir!, deviceName: name })
const ports = await core.sync.start({ host: '127.0.0.1', port: Number(portText ?? 0) })

type Command =
  | { cmd: 'invite'; relation: 'own' | 'contact'; noteIds?: string[] }
  | { cmd: 'accept'; code: string }
  | { cmd: 'create'; title: string }
  | { cmd: 'append'; id: string; text: string }
  | { cmd: 'state' }
  | { cmd: 'pause' }
  | { cmd: 'resume' }
  | { cmd: 'exit' }

async function run(command: Command): Promise<unknown> {
  switch (command.cmd) {
    case 'invite':
      return (await core.dispatch('sync.createInvite', { relation: command.relation, noteIds: command.noteIds ?? [] })) as unknown
    case 'accept':
      return core.dispatch('sync.acceptInvite', { code: command.code })
    case 'create':
      return core.dispatch('notes.create', { title: command.title })
    case 'append': {
      const handle = await core.repo.find<{ body: string }>(`automerge:${command.id}` as AutomergeUrl)
      handle.change((doc) => A.splice(doc, ['body'], doc.body.length, 0, command.text))
      return { ok: true }
    }
    case 'state': {
      // Every note's heads and body, to compare copies.
      const list = (await core.dispatch('notes.list', { limit: 1000 })) as { ok: true; value: { notes: Array<{ id: string; url: string }> } }
      const notes: Record<string, { heads: string[]; body: string }> = {}
      for (const note of list.value.notes) {
        const handle = await core.repo.find<{ body: string }>(note.url as AutomergeUrl)
        notes[note.id] = { heads: [...A.getHeads(handle.doc())].sort(), body: handle.doc().body }
      }
      return { notes, connected: core.sync.service.status().connections.map((c) => c.deviceId) }
    }
    case 'pause':
      await core.sync.stop()
      return { ok: true }
    case 'resume':
      return core.sync.start({ host: '127.0.0.1', port: ports.port, pairingPort: ports.pairingPort })
    case 'exit':
      await core.shutdown()
      process.stdout.write(`${JSON.stringify({ exited: true })}\n`)
      process.exit(0)
  }
}

process.stdout.write(`${JSON.stringify({ ready: true, deviceId: core.sync.identity.deviceId, ...ports })}\n`)
const lines = createInterface({ input: process.stdin })
let queue = Promise.resolve()
lines.on('line', (line) => {
  queue = queue.then(async () => {
    try {
      process.stdout.write(`${JSON.stringify(await run(JSON.parse(line) as Command))}\n`)
    } catch (error) {
      process.stdout.write(`${JSON.stringify({ error: String(error) })}\n`)
    }
  })
})
