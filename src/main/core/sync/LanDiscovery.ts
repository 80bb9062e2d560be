import type { RemoteInfo } from 'node:dgram'
import { isIPv4 } from 'node:net'
import { networkInterfaces } from 'node:os'
import makeMdns from 'multicast-dns'
import { parseDeviceId } from './deviceId'

/** The DNS-SD service type Staffroom devices advertise their sync port under. */
export const staffroomServiceType = '_staffroom._tcp.local'

type Mdns = ReturnType<typeof makeMdns>
type MdnsOptions = NonNullable<Parameters<typeof makeMdns>[0]>
interface ResponsePacket {
  answers?: Answer[]
  additionals?: Answer[]
}
interface Answer {
  name: string
  type: string
  data?: unknown
}

export interface LanAnswer {
  /** The device id the answer claims; a claim only, the certificate at the address decides. */
  deviceId: string
  /** host:port to try. */
  address: string
}

export interface LanDiscoveryOptions {
  /** The id advertised in the TXT record (this device's). */
  deviceId: string
  /** The sync port to advertise; nothing is advertised while it is undefined. */
  syncPort: () => number | undefined
  /** Called for each answer naming another device; the caller decides if it is worth a dial. */
  onAnswer: (answer: LanAnswer) => void
  /** multicast-dns socket options; leave out in production (the library then uses the interfaces the OS gives it). */
  mdns?: MdnsOptions
  /** How often to ask the LAN for Staffroom devices (the first query goes out at once). Default 60 s. */
  queryIntervalMs?: number
  /** How many queries at most, then only answer others' queries (tests bound their traffic). Default unlimited. */
  maxQueries?: number
  /** Addresses put in A records; the LAN IPv4 addresses by default. */
  addresses?: () => string[]
}

/** At most this many answers are read from one packet, and this many hints passed on per minute. */
const maxAnswersPerPacket = 64
const maxHintsPerMinute = 120

/**
 * mDNS/DNS-SD on the LAN: answers queries for `_staffroom._tcp.local` with this device's sync
 * port and a TXT record `id=<device id>`, and asks for other devices, passing every answer on as
 * a hint (device id claimed + the address to try). Answers are untrusted: anyone on the LAN can
 * claim any id, so a hint only ever leads to a TLS dial that checks the pinned certificate.
 */
export class LanDiscovery {
  private mdns: Mdns | undefined
  private timer: ReturnType<typeof setInterval> | undefined
  private queries = 0
  private hintsThisMinute = 0
  private minuteStarted = 0

  constructor(private readonly options: LanDiscoveryOptions) {}

  get instanceName(): string {
    return `${this.options.deviceId.toLowerCase()}.${staffroomServiceType}`
  }

  private get hostName(): string {
    return `${this.options.deviceId.toLowerCase()}.local`
  }

  start(): Promise<void> {
    const mdns = makeMdns(this.options.mdns)
    this.mdns = mdns
    mdns.on('warning', () => {
      // An interface that cannot join the group (down, no IPv4) is skipped; the others still work.
    })
    mdns.on('query', (query) => this.answerQuery(query as { questions?: Array<{ name: string; type: string }> }))
    mdns.on('response', (response, rinfo) => this.readResponse(response as ResponsePacket, rinfo))
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => {
        this.mdns = undefined
        mdns.destroy()
        reject(error)
      }
      mdns.once('error', fail)
      mdns.once('ready', () => {
        mdns.off('error', fail)
        mdns.on('error', () => {
          // A send on a vanished interface; discovery is best effort.
        })
        this.announce()
        this.query()
        this.timer = setInterval(() => this.query(), this.options.queryIntervalMs ?? 60_000)
        this.timer.unref?.()
        resolve()
      })
    })
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    const mdns = this.mdns
    this.mdns = undefined
    if (mdns) await new Promise<void>((resolve) => mdns.destroy(() => resolve()))
  }

  /** Asks the LAN for Staffroom devices now (within maxQueries). */
  query(): void {
    if (!this.mdns || (this.options.maxQueries !== undefined && this.queries >= this.options.maxQueries)) return
    this.queries++
    this.mdns.query({ questions: [{ name: staffroomServiceType, type: 'PTR' }] })
  }

  private records(): Answer[] | undefined {
    const port = this.options.syncPort()
    if (port === undefined) return undefined
    const addresses = (this.options.addresses ?? lanIPv4Addresses)()
    return [
      { name: staffroomServiceType, type: 'PTR', data: this.instanceName },
      { name: this.instanceName, type: 'SRV', data: { port, target: this.hostName, weight: 0, priority: 0 } },
      { name: this.instanceName, type: 'TXT', data: [`id=${this.options.deviceId}`, 'v=1'] },
      ...addresses.map((address) => ({ name: this.hostName, type: 'A', data: address })),
    ]
  }

  /** An unsolicited answer when starting, so devices already browsing learn of this one at once. */
  private announce(): void {
    const records = this.records()
    if (records) this.mdns?.respond({ answers: records } as never)
  }

  private answerQuery(query: { questions?: Array<{ name: string; type: string }> }): void {
    const asked = (query.questions ?? []).some((q: { name: string; type: string }) => q.name.toLowerCase() === staffroomServiceType && (q.type === 'PTR' || q.type === 'ANY'))
    if (!asked) return
    const records = this.records()
    if (!records) return
    this.mdns?.respond({ answers: records } as never)
  }

  private readResponse(response: ResponsePacket, rinfo: RemoteInfo): void {
    const records = [...(response.answers ?? []), ...(response.additionals ?? [])].slice(0, maxAnswersPerPacket)
    for (const ptr of records) {
      if (ptr.type !== 'PTR' || ptr.name.toLowerCase() !== staffroomServiceType || typeof ptr.data !== 'string') continue
      const instance = ptr.data.toLowerCase()
      const srv = records.find((r) => r.type === 'SRV' && r.name.toLowerCase() === instance)
      const txt = records.find((r) => r.type === 'TXT' && r.name.toLowerCase() === instance)
      const port = (srv?.data as { port?: unknown } | undefined)?.port
      const deviceId = txt ? deviceIdOfTxt(txt.data) : undefined
      if (typeof port !== 'number' || port < 1 || port > 65_535 || !deviceId || deviceId === this.options.deviceId) continue
      // The sender's own address: the one the answer came from on this link. A records name the
      // same host; where they differ, the packet's source is the one known to be reachable.
      if (!isIPv4(rinfo.address)) continue
      this.pass({ deviceId, address: `${rinfo.address}:${port}` })
    }
  }

  private pass(answer: LanAnswer): void {
    const now = Date.now()
    if (now - this.minuteStarted >= 60_000) {
      this.minuteStarted = now
      this.hintsThisMinute = 0
    }
    if (++this.hintsThisMinute > maxHintsPerMinute) return
    this.options.onAnswer(answer)
  }
}

function deviceIdOfTxt(data: unknown): string | undefined {
  const entries = Array.isArray(data) ? data : [data]
  for (const entry of entries) {
    const text = Buffer.isBuffer(entry) ? entry.toString('utf8') : typeof entry === 'string' ? entry : ''
    if (text.startsWith('id=')) return parseDeviceId(text.slice(3))
  }
  return undefined
}

/** This machine's IPv4 addresses that are not loopback. */
export function lanIPv4Addresses(): string[] {
  const out: string[] = []
  for (const list of Object.values(networkInterfaces())) for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal) out.push(info.address)
  return out.slice(0, 8)
}
