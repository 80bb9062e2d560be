import * as A from '@automerge/automerge'
import { generateAutomergeUrl } from '@automerge/automerge-repo'
import { describe, expect, it } from 'vitest'
import { encodeBundle } from '../bundles/bundleFormat'
import { call } from '../testing/coreHarness'
import { coreCluster } from '../testing/coreCluster'

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

describe('lesson projects in offline bundles', () => {
  const cluster = coreCluster()

  it('export on one profile, import on another under the same id and listed among its spaces; a second import merges', async () => {
    const a = await cluster.open('a')
    const b = await cluster.open('b')
    const { project } = await call(a, 'projects.create', { title: 'Volcanoes', template: 'lesson-plan', subject: 'Geography' })
    await call(a, 'projects.addTask', { projectId: project.id, title: 'Print the maps' })
    const file = await call(a, 'bundles.export', { documentId: project.id })
    expect(file.fileName).toBe('Volcanoes.staffroom')

    expect(await call(b, 'bundles.import', { base64: file.base64 })).toMatchObject({ documentId: project.id, kind: 'project', title: 'Volcanoes', outcome: 'added' })
    expect((await call(b, 'spaces.list', {})).spaces.map((s) => [s.id, s.kind, s.title])).toEqual([[project.id, 'project', 'Volcanoes']])
    expect((await call(b, 'projects.get', { projectId: project.id })).project.tasks.map((t) => t.title)).toEqual(['Print the maps'])

    await call(a, 'projects.addTask', { projectId: project.id, title: 'Book the hall' })
    const later = await call(a, 'bundles.export', { documentId: project.id })
    expect(await call(b, 'bundles.import', { base64: later.base64 })).toMatchObject({ outcome: 'merged' })
    expect((await call(b, 'projects.get', { projectId: project.id })).project.tasks).toHaveLength(2)
  })

  it('refuse a bundle whose document is not the project it claims to be, and change nothing', async () => {
    const b = await cluster.open('b')
    const fake = A.save(A.from({ kind: 'project', schemaVersion: 1, title: 'No members', body: '' }))
    const bytes = encodeBundle({ documentId: generateAutomergeUrl().slice('automerge:'.length), kind: 'project', title: 'x', exportedAt: 1, deviceId: 'D' }, fake)
    const refused = await b.dispatch('bundles.import', { base64: toBase64(bytes) })
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/does not hold a lesson project \(members is wrong\)/) } })
    expect((await call(b, 'spaces.list', {})).spaces).toEqual([])
  })
})
