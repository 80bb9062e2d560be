import { describe, expect, it } from 'vitest'
import { encodeInvite, inviteLink, parseInvite, type InvitePayload } from './inviteCode'

const invite: InvitePayload = {
  version: 1,
  deviceId: 'A'.repeat(52),
  name: 'Ms Okafor’s laptop',
  addresses: ['192.168.1.20:47110', '[fe80::1]:47110'],
  relay: 'wss://relay.example.org',
  secret: 'B'.repeat(26),
  expiresAt: 1_800_000_000_000,
  relation: 'contact',
  shares: [{ title: 'Fractions unit' }],
}

describe('invite codes', () => {
  it('round-trips as a code and as a link, even broken over lines by a chat app', () => {
    expect(parseInvite(encodeInvite(invite))).toEqual(invite)
    const link = inviteLink(invite)
    expect(link.startsWith('staffroom://invite/SR1.')).toBe(true)
    expect(parseInvite(`  ${link.slice(0, 40)}\n${link.slice(40)}  `)).toEqual(invite)
  })

  it('rejects codes with a bad device id, address, secret or extra fields', () => {
    const tamper = (body: Record<string, unknown>) => 'SR1.' + Buffer.from(JSON.stringify(body)).toString('base64url')
    const wire = JSON.parse(Buffer.from(encodeInvite(invite).slice(4), 'base64url').toString()) as Record<string, unknown>
    expect(parseInvite(tamper(wire))).toEqual(invite)
    for (const bad of [{ d: 'short' }, { a: ['no-port'] }, { a: [] }, { s: 'lowercase'.padEnd(26, 'x') }, { extra: 1 }, { v: 2 }]) {
      expect(() => parseInvite(tamper({ ...wire, ...bad }))).toThrow(/damaged or incomplete/)
    }
    expect(() => parseInvite('SR1.' + 'x'.repeat(5_000))).toThrow(/not a Staffroom invite code/)
  })
})
