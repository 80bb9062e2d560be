// Variant (c), the peer: Yjs as an engineer would wire it. A client Y.Doc sends each update as a
// y-protocols sync message over a MessageChannel to a server Y.Doc (the y-websocket server's
// message handling), which appends every update to a better-sqlite3 table the way y-leveldb
// stores them, and at the end compacts them into one Y.encodeStateAsUpdate.
import { MessageChannel, type MessagePort } from 'node:worker_threads'
import BetterSqlite3 from 'better-sqlite3'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { makeTempDir } from '../../../src/main/core/testing/tempDir'
import { serveReplay } from './replayChild'

const messageSync = 0
const docName = 'editing-trace'

await serveReplay(async () => {
  const temp = makeTempDir('staffroom-bench-yjs-')
  const db = new BetterSqlite3(`${temp.dir}/yjs.sqlite`)
  db.pragma('journal_mode = WAL')
  // LevelDB's default write does not fsync either (y-leveldb uses it so); per-update FULL
  // commits cost ~4 ms each here, which would make the peer a disk benchmark.
  db.pragma('synchronous = NORMAL')
  db.exec('CREATE TABLE updates (doc TEXT NOT NULL, clock INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (doc, clock))')
  const insert = db.prepare<[string, number, Uint8Array]>('INSERT INTO updates (doc, clock, data) VALUES (?, ?, ?)')
  let clock = 0

  const { port1: clientPort, port2: serverPort } = new MessageChannel()
  const server = new Y.Doc()
  server.on('update', (update: Uint8Array) => insert.run(docName, clock++, update))
  answerSyncMessages(serverPort, server)

  const client = new Y.Doc()
  const text = client.getText('text')
  const send = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, messageSync)
    write(encoder)
    clientPort.postMessage(encoding.toUint8Array(encoder))
  }
  client.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== clientPort) send((encoder) => syncProtocol.writeUpdate(encoder, update))
  })
  answerSyncMessages(clientPort, client)
  send((encoder) => syncProtocol.writeSyncStep1(encoder, client))

  const sameState = (a: Y.Doc, b: Y.Doc) => Buffer.from(Y.encodeStateVector(a)).equals(Y.encodeStateVector(b))
  const storedBytes = () => db.prepare<[string], { bytes: number | null }>('SELECT sum(length(data)) AS bytes FROM updates WHERE doc = ?').get(docName)!.bytes ?? 0

  return {
    apply(position, deleteCount, inserted) {
      client.transact(() => {
        if (deleteCount > 0) text.delete(position, deleteCount)
        if (inserted.length > 0) text.insert(position, inserted)
      })
    },
    async persist() {
      while (!sameState(client, server)) await new Promise((resolve) => setImmediate(resolve))
      const appended = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM updates WHERE doc = ?').get(docName)!.n
      const appendedBytes = storedBytes()
      // y-leveldb's flushDocument: the appended updates replaced by one update of the whole state.
      const merged = Y.encodeStateAsUpdate(server)
      db.transaction(() => {
        db.prepare('DELETE FROM updates WHERE doc = ?').run(docName)
        insert.run(docName, clock++, merged)
      })()
      return { savedBytes: storedBytes(), details: { appendedUpdates: appended, appendedBytes } }
    },
    async readBack() {
      const loaded = new Y.Doc()
      for (const row of db.prepare<[string], { data: Uint8Array }>('SELECT data FROM updates WHERE doc = ? ORDER BY clock').all(docName)) Y.applyUpdate(loaded, row.data)
      return loaded.getText('text').toString()
    },
    async close() {
      clientPort.close()
      serverPort.close()
      db.close()
      temp.remove()
    },
  }
})

/** Reads y-protocols sync messages arriving on `port` into `doc`, answering on the same port (what y-websocket does per connection). */
function answerSyncMessages(port: MessagePort, doc: Y.Doc): void {
  port.on('message', (message: Uint8Array) => {
    const decoder = decoding.createDecoder(message)
    const reply = encoding.createEncoder()
    if (decoding.readVarUint(decoder) !== messageSync) return
    encoding.writeVarUint(reply, messageSync)
    syncProtocol.readSyncMessage(decoder, reply, doc, port)
    if (encoding.length(reply) > 1) port.postMessage(encoding.toUint8Array(reply))
  })
}
