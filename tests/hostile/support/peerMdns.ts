import { createSocket, type Socket } from 'node:dgram'
import * as packet from 'dns-packet'
import fc from 'fast-check'
import { staffroomServiceType } from '../../../src/main/core/sync/LanDiscovery'

/** A UDP port on 127.0.0.1 free a moment ago: LanDiscovery listens there instead of 5353 (no multicast at all). */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4')
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  const { port } = socket.address()
  await new Promise<void>((resolve) => socket.close(() => resolve()))
  return port
}

/** mDNS options that keep LanDiscovery on loopback unicast: nothing leaves 127.0.0.1, no group is joined. */
export function loopbackMdns(port: number) {
  return { mdns: { multicast: false, port, ip: '127.0.0.1', bind: '127.0.0.1', interface: '127.0.0.1' }, queryIntervalMs: 60 * 60_000, maxQueries: 1, addresses: () => ['127.0.0.1'] }
}

export interface SpoofedAnswer {
  /** What the TXT record claims (a device id, or junk). */
  txt: string
  port: number
  /** Extra copies of the records, and records in another order. */
  copies: number
  shuffle: boolean
}

/** One spoofed DNS-SD answer as a packet: PTR, SRV and TXT for an instance, A for its host. */
export function answerPacket(answer: SpoofedAnswer, instance: string): Buffer {
  const records: packet.Answer[] = [
    { name: staffroomServiceType, type: 'PTR', data: instance },
    { name: instance, type: 'SRV', data: { port: answer.port, target: 'spoof.local', weight: 0, priority: 0 } },
    { name: instance, type: 'TXT', data: [answer.txt, 'v=1'] },
    { name: 'spoof.local', type: 'A', data: '127.0.0.1' },
  ]
  const all = Array.from({ length: answer.copies }, () => records).flat()
  if (answer.shuffle) all.reverse()
  return packet.encode({ type: 'response', flags: packet.AUTHORITATIVE_ANSWER, answers: all })
}

/** Sends packets to LanDiscovery's port on 127.0.0.1 from an ordinary UDP socket (the source the answer appears to come from). */
export class MdnsInjector {
  private constructor(private readonly socket: Socket) {}

  static async open(): Promise<MdnsInjector> {
    const socket = createSocket('udp4')
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
    return new MdnsInjector(socket)
  }

  send(bytes: Buffer, port: number): Promise<void> {
    return new Promise((resolve, reject) => this.socket.send(bytes, port, '127.0.0.1', (error) => (error ? reject(error) : resolve())))
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()))
  }
}

/** Raw junk for the same port: LanDiscovery must shrug it off. */
export const junkPacket = fc.uint8Array({ maxLength: 600 }).map((bytes) => Buffer.from(bytes))
