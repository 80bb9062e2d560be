import type { AutomergeUrl } from '@automerge/automerge-repo'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { describe, expect, it } from 'vitest'
import { call, connectRenderer } from '../testing/coreHarness'
import { coreCluster } from '../testing/coreCluster'
import { eventually } from '../testing/eventually'

/**
 * Presence (who is in a project, their cursor) travels as automerge-repo ephemeral messages: from
 * one teacher's page to their core, over the mutual-TLS link to the colleague's core, and on to
 * the colleague's page. Access control applies: a device that is not a member hears nothing.
 */
describe('ephemeral messages of a shared project', () => {
  const cluster = coreCluster()

  it('reach the colleague’s page through both cores, and not a device outside the project', async () => {
    const a = await cluster.open('a')
    const b = await cluster.open('b')
    const c = await cluster.open('c')
    await a.sync.start({ host: '127.0.0.1' })
    for (const other of [b, c]) {
      const invite = await call(a, 'sync.createInvite', { relation: 'contact' })
      await call(other, 'sync.acceptInvite', { code: invite.code })
      await eventually(async () => a.sync.service.isConnected(other.sync.identity.deviceId))
    }
    const { project } = await call(a, 'projects.create', { title: 'Presence' })
    await call(a, 'spaces.setMember', { spaceId: project.id, deviceId: b.sync.identity.deviceId, role: 'editor' })
    await eventually(async () => (await call(b, 'spaces.list', {})).spaces.some((s) => s.present))

    const pageA = connectRenderer(a)
    const pageB = connectRenderer(b)
    const pageC = connectRenderer(c)
    const url = project.url as AutomergeUrl
    const onA = await pageA.repo.find<ProjectDoc>(url)
    const onB = await pageB.repo.find<ProjectDoc>(url)
    const heardByB: unknown[] = []
    onB.on('ephemeral-message', ({ message }) => heardByB.push(message))
    const heardByC: unknown[] = []
    const onC = pageC.repo.findWithProgress<ProjectDoc>(url).handle
    onC.on('ephemeral-message', ({ message }) => heardByC.push(message))

    await eventually(async () => {
      onA.broadcast({ cursor: 7, name: 'Ms Diallo' })
      return heardByB.length > 0
    })
    expect(heardByB[0]).toEqual({ cursor: 7, name: 'Ms Diallo' })
    expect(heardByC).toEqual([])
    await Promise.all([pageA.close(), pageB.close(), pageC.close()])
  })
})
