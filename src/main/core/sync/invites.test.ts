import type { AutomergeUrl } from '@automerge/automerge-repo'
import { describe, expect, it } from 'vitest'
import type { Core } from '../Core'
import { call } from '../testing/coreHarness'
import { InviteCodeError, parseInvite } from './inviteCode'
import { coreCluster } from '../testing/coreCluster'
import { eventually } from '../testing/eventually'

describe('invites between two cores', () => {
  const cluster = coreCluster()

  async function twoCores(): Promise<{ a: Core; b: Core; pairingAddress: string }> {
    const a = await cluster.open('a', { deviceName: 'Ms Okafor’s laptop' })
    const b = await cluster.open('b', { deviceName: 'Mr Lin’s laptop' })
    const { pairingPort } = await a.sync.start({ host: '127.0.0.1' })
    return { a, b, pairingAddress: `127.0.0.1:${pairingPort}` }
  }

  it('pairs a contact who then gets exactly the shared note, edits flowing both ways', async () => {
    const { a, b, pairingAddress } = await twoCores()
    const shared = await call(a, 'notes.create', { title: 'Fractions unit' })
    await call(a, 'notes.create', { title: 'Private' })
    const { code, link, payload } = a.sync.pairing.createInvite({
      relation: 'contact',
      shares: [{ documentId: shared.id, title: 'Fractions unit', role: 'editor' }],
      addresses: [pairingAddress],
    })
    expect(link).toBe(`staffroom://invite/${code}`)
    expect(payload).toMatchObject({ deviceId: a.sync.identity.deviceId, name: 'Ms Okafor’s laptop', shares: [{ title: 'Fractions unit' }] })

    const accepted = await b.sync.pairing.acceptInvite(link, { name: 'Mr Lin’s laptop' })
    expect(accepted.device).toMatchObject({ deviceId: a.sync.identity.deviceId, relation: 'contact', name: 'Ms Okafor’s laptop' })
    expect(accepted.shares.map((s) => s.url)).toEqual([shared.url])
    expect(a.sync.trusted.active(b.sync.identity.deviceId)).toMatchObject({ name: 'Mr Lin’s laptop', relation: 'contact' })
    expect(a.sync.members.membersOf(shared.id)).toEqual([{ deviceId: b.sync.identity.deviceId, role: 'editor' }])

    await eventually(() => b.sync.service.isConnected(a.sync.identity.deviceId))
    const onB = await b.repo.find<{ title: string }>(shared.url as AutomergeUrl)
    expect(onB.doc().title).toBe('Fractions unit')
    onB.change((doc) => void (doc.title = 'Fractions unit (with Mr Lin)'))
    await eventually(async () => (await call(a, 'notes.get', { id: shared.id })).title === 'Fractions unit (with Mr Lin)')
    expect(accepted.workspaceUrl).toBeUndefined()
  })

  it('refuses a reused, a wrong, an expired and a garbled invite with a clear error, pairing nothing', async () => {
    const { a, b, pairingAddress } = await twoCores()
    const first = a.sync.pairing.createInvite({ relation: 'contact', addresses: [pairingAddress] })
    await b.sync.pairing.acceptInvite(first.code, { name: 'B' })
    const c = await cluster.open('c')
    await expect(c.sync.pairing.acceptInvite(first.code, { name: 'C' })).rejects.toMatchObject({ code: 'invite-used', message: expect.stringMatching(/already been used/) })

    const second = a.sync.pairing.createInvite({ relation: 'contact', addresses: [pairingAddress] })
    const wrongSecret = { ...second.payload, secret: 'A'.repeat(26) }
    const { encodeInvite } = await import('./inviteCode')
    await expect(c.sync.pairing.acceptInvite(encodeInvite(wrongSecret), { name: 'C' })).rejects.toMatchObject({ code: 'invite-invalid' })

    const shortLived = a.sync.pairing.createInvite({ relation: 'contact', addresses: [pairingAddress], validForMinutes: 1 })
    const later = Date.now() + 2 * 60_000
    await expect(c.sync.pairing.acceptInvite(shortLived.code, { name: 'C', now: later })).rejects.toMatchObject({ code: 'invite-expired' })

    expect(() => parseInvite('SR1.not-base64-json')).toThrow(InviteCodeError)
    expect(() => parseInvite('hello')).toThrow(/not a Staffroom invite code/)
    expect(() => parseInvite(second.code.slice(0, -10))).toThrow(/damaged or incomplete/)
    expect(a.sync.trusted.activeList().map((d) => d.name)).toEqual(['B'])
    expect(c.sync.trusted.list()).toEqual([])
  })

  it('pairs an own device, which learns the workspace and can read it', async () => {
    const { a, b, pairingAddress } = await twoCores()
    const note = await call(a, 'notes.create', { title: 'Mine' })
    const invite = a.sync.pairing.createInvite({ relation: 'own', addresses: [pairingAddress] })
    const accepted = await b.sync.pairing.acceptInvite(invite.code, { name: 'Second laptop' })
    expect(accepted.workspaceUrl).toBe(a.workspaceUrl)
    await eventually(() => b.sync.service.isConnected(a.sync.identity.deviceId))
    const workspace = await b.repo.find<{ notes: Record<string, string> }>(a.workspaceUrl as AutomergeUrl)
    expect(Object.values(workspace.doc().notes)).toContain(note.url)
  })
})
