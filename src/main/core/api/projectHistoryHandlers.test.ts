import { join } from 'node:path'
import * as A from '@automerge/automerge'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import type { Core } from '../Core'
import { openCore } from '../createCore'
import { asUrl, call } from '../testing/coreHarness'
import { makeTempDir } from '../testing/tempDir'

describe('project history through the API', () => {
  let temp: ReturnType<typeof makeTempDir>
  let core: Core
  beforeEach(async () => {
    temp = makeTempDir()
    core = (await openCore({ dataDir: join(temp.dir, 'a'), deviceName: 'Ana’s laptop' })).core
  })
  afterEach(async () => {
    await core.shutdown()
    temp.remove()
  })

  async function createProject() {
    const { project } = await call(core, 'projects.create', { title: 'Fractions', template: 'lesson-plan', subject: 'Maths', grade: 'Year 4' })
    return { project, handle: await core.repo.find<ProjectDoc>(asUrl(project.url)) }
  }

  it('lists the timeline, opens a version, says what changed since, and restores it as a new change', async () => {
    const { project } = await createProject()
    const created = await call(core, 'projects.history', { projectId: project.id })
    expect(created).toMatchObject({ total: 1, hasMore: false })
    expect(created.groups[0]).toMatchObject({ authors: ['Ana’s laptop'], changes: 2 })
    const version = created.groups[0]?.heads ?? []

    await call(core, 'projects.update', { projectId: project.id, subject: 'Numeracy' })
    await call(core, 'projects.addTask', { projectId: project.id, title: 'Print handouts' })

    const old = await call(core, 'projects.version', { projectId: project.id, heads: version })
    expect(old.version).toMatchObject({ title: 'Fractions', subject: 'Maths', tasks: [] })
    expect(old.version.body[0]).toEqual({ type: 'block', block: 'heading', attrs: { level: 2 } })

    const since = await call(core, 'projects.changesSince', { projectId: project.id, heads: version })
    expect(since.changes.fields).toEqual([{ field: 'subject', before: 'Maths', after: 'Numeracy', by: 'Ana’s laptop' }])
    expect(since.changes.tasks).toMatchObject([{ title: 'Print handouts', change: 'added', by: 'Ana’s laptop' }])
    expect(since.changes.authors).toEqual([{ name: 'Ana’s laptop', changes: 2 }])

    const restored = await call(core, 'projects.restore', { projectId: project.id, heads: version })
    expect((await call(core, 'projects.get', { projectId: project.id })).project).toMatchObject({ subject: 'Maths', tasks: [] })
    const after = await call(core, 'projects.history', { projectId: project.id })
    expect(after.groups[0]?.heads).toEqual(restored.heads)
    expect(after.groups[0]?.changes).toBe(5)
    expect((await call(core, 'projects.changesSince', { projectId: project.id, heads: version })).changes).toMatchObject({ fields: [], tasks: [], body: [] })
  })

  it('lists a field two people set at once and keeps the value chosen', async () => {
    const { project, handle } = await createProject()
    const bobActor = 'bb'.repeat(16)
    const bobs = A.change(A.clone(handle.doc(), { actor: bobActor }), (d) => {
      d.authors[bobActor] = { deviceId: 'device-bob', name: 'Bob' }
      d.subject = 'Mathematics'
    })
    await call(core, 'projects.update', { projectId: project.id, subject: 'Numeracy' })
    handle.update((doc) => A.merge(doc, bobs))

    const { conflicts } = await call(core, 'projects.conflicts', { projectId: project.id })
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]?.path).toEqual(['subject'])
    expect(conflicts[0]?.values.map((v) => [v.value, v.author]).sort()).toEqual([
      ['Mathematics', 'Bob'],
      ['Numeracy', 'Ana’s laptop'],
    ])
    const refused = await core.dispatch('projects.resolveConflict', { projectId: project.id, path: ['subject'], value: 'Art' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request' } })

    const resolved = await call(core, 'projects.resolveConflict', { projectId: project.id, path: ['subject'], value: 'Mathematics' })
    expect(resolved.conflicts).toEqual([])
    expect((await call(core, 'projects.get', { projectId: project.id })).project.subject).toBe('Mathematics')
  })

  it('refuses restore and resolve to a viewer, and versions this device does not have', async () => {
    const { project, handle } = await createProject()
    const heads = A.getHeads(handle.doc())
    handle.change((d) => {
      const me = d.members[core.sync.identity.deviceId]
      if (me) me.role = 'viewer'
    })
    const restore = await core.dispatch('projects.restore', { projectId: project.id, heads })
    expect(restore).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/view this project but not change it/) } })
    const resolve = await core.dispatch('projects.resolveConflict', { projectId: project.id, path: ['subject'], value: 'Maths' })
    expect(resolve).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/not change it/) } })
    expect(await core.dispatch('projects.version', { projectId: project.id, heads: ['ab'.repeat(32)] })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await core.dispatch('projects.version', { projectId: project.id, heads: ['not-a-hash'] })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await core.dispatch('projects.history', { projectId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})
