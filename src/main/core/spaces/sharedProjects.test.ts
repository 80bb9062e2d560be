import * as A from '@automerge/automerge'
import type { AutomergeUrl } from '@automerge/automerge-repo'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { describe, expect, it } from 'vitest'
import type { Core } from '../Core'
import { call } from '../testing/coreHarness'
import { coreCluster } from '../testing/coreCluster'
import { eventually } from '../testing/eventually'

async function pair(a: Core, b: Core): Promise<void> {
  await a.sync.start({ host: '127.0.0.1' })
  const invite = await call(a, 'sync.createInvite', { relation: 'contact' })
  await call(b, 'sync.acceptInvite', { code: invite.code })
  await eventually(async () => a.sync.service.isConnected(b.sync.identity.deviceId))
}

describe('a project shared with a colleague', () => {
  const cluster = coreCluster()

  it('reaches them with its members and roles, both edit it, and removal stops it', async () => {
    const a = await cluster.open('a', { deviceName: 'Ms Diallo' })
    const b = await cluster.open('b', { deviceName: 'Mr Okafor' })
    await pair(a, b)
    const aId = a.sync.identity.deviceId
    const bId = b.sync.identity.deviceId
    const { project } = await call(a, 'projects.create', { title: 'Shared lesson', template: 'lesson-plan', subject: 'Science' })

    const { members } = await call(a, 'spaces.setMember', { spaceId: project.id, deviceId: bId, role: 'editor' })
    expect(members).toEqual([
      { deviceId: aId, name: 'Ms Diallo', role: 'owner' },
      { deviceId: bId, name: 'Mr Okafor', role: 'editor' },
    ])
    await eventually(async () => (await call(b, 'spaces.list', {})).spaces.some((s) => s.id === project.id && s.present && s.title === 'Shared lesson'))
    const onB = (await call(b, 'projects.get', { projectId: project.id })).project
    expect(onB).toMatchObject({ myRole: 'editor', subject: 'Science' })
    expect(onB.members.find((m) => m.isMe)).toMatchObject({ deviceId: bId, role: 'editor' })

    await call(b, 'projects.addTask', { projectId: project.id, title: 'Bring the microscopes' })
    await eventually(async () => (await call(a, 'projects.get', { projectId: project.id })).project.tasks.length === 1)
    const listedOnA = (await call(a, 'spaces.list', {})).spaces.find((s) => s.id === project.id)!
    expect(listedOnA.unreadChanges).toBeGreaterThan(0)
    await eventually(async () => (await call(a, 'spaces.list', {})).spaces[0]!.sync.some((d) => d.deviceId === bId && d.state === 'synced'))

    // Only the owner manages members; a viewer cannot write.
    expect(await b.dispatch('spaces.setMember', { spaceId: project.id, deviceId: aId, role: 'viewer' })).toMatchObject({ ok: false })
    await call(a, 'spaces.setMember', { spaceId: project.id, deviceId: bId, role: 'viewer' })
    await eventually(async () => (await call(b, 'projects.get', { projectId: project.id })).project.myRole === 'viewer')
    expect(await b.dispatch('projects.addTask', { projectId: project.id, title: 'x' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/view this project but not change it/) } })

    await call(a, 'spaces.setMember', { spaceId: project.id, deviceId: bId, role: null })
    await eventually(async () => !b.sync.members.isMember(project.id, aId))
    const handleOnA = await a.repo.find<ProjectDoc>(project.url as AutomergeUrl)
    handleOnA.change((doc) => void A.splice(doc, ['title'], 0, 0, 'Private: '))
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect((await call(b, 'projects.get', { projectId: project.id })).project.title).toBe('Shared lesson')
  })
})
