import * as A from '@automerge/automerge'
import type { AutomergeUrl } from '@automerge/automerge-repo'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { describe, expect, it } from 'vitest'
import { call, connectRenderer } from '../testing/coreHarness'
import { coreCluster } from '../testing/coreCluster'

describe('lesson projects', () => {
  const cluster = coreCluster()

  it('start from a template, with this device as owner and its actor named in authors', async () => {
    const core = await cluster.open('a', { deviceName: 'Ms Diallo’s laptop' })
    const { project } = await call(core, 'projects.create', { title: 'Fractions, week 1', template: 'lesson-plan', subject: 'Maths', grade: 'Year 5' })
    expect(project).toMatchObject({ title: 'Fractions, week 1', subject: 'Maths', grade: 'Year 5', template: 'lesson-plan', myRole: 'owner', readOnlyReason: null, tasks: [], resources: [] })
    expect(project.members).toEqual([{ deviceId: core.sync.identity.deviceId, name: 'Ms Diallo’s laptop', role: 'owner', isMe: true }])
    const handle = await core.repo.find<ProjectDoc>(project.url as AutomergeUrl)
    const text = A.spans(handle.doc(), ['body']).flatMap((s) => (s.type === 'text' ? [s.value] : []))
    expect(text.slice(0, 2)).toEqual(['Objectives', 'By the end of the lesson, students will be able to…'])
    expect(Object.values(handle.doc().authors)).toEqual([{ deviceId: core.sync.identity.deviceId, name: 'Ms Diallo’s laptop' }])
    expect((await call(core, 'spaces.list', {})).spaces.map((s) => [s.kind, s.title, s.subtitle])).toEqual([['project', 'Fractions, week 1', 'Maths · Year 5']])
  })

  it('keep tasks and resources, refuse bad input clearly, and archive', async () => {
    const core = await cluster.open('a')
    const { project } = await call(core, 'projects.create', { title: 'Poetry unit', template: 'unit-plan' })
    const { taskId } = await call(core, 'projects.addTask', { projectId: project.id, title: 'Find three poems', due: '2026-12-10' })
    await call(core, 'projects.addTask', { projectId: project.id, title: 'Book the library' })
    const done = await call(core, 'projects.updateTask', { projectId: project.id, taskId, done: true })
    expect(done.project.tasks.map((t) => [t.title, t.done])).toEqual([['Book the library', false], ['Find three poems', true]])
    const { resourceId } = await call(core, 'projects.addResource', { projectId: project.id, title: 'Poetry Foundation', url: 'https://www.poetryfoundation.org/', note: 'Good for starters' })
    expect((await call(core, 'projects.get', { projectId: project.id })).project.resources).toMatchObject([{ id: resourceId, url: 'https://www.poetryfoundation.org/' }])
    expect(await core.dispatch('projects.addResource', { projectId: project.id, title: 'x', url: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await core.dispatch('projects.create', { title: '   ' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('title') } })
    expect(await core.dispatch('projects.get', { projectId: 'not-a-project' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await core.dispatch('projects.updateTask', { projectId: project.id, taskId: 'gone', done: true })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    await call(core, 'projects.removeResource', { projectId: project.id, resourceId })
    await call(core, 'projects.update', { projectId: project.id, archived: true })
    expect((await call(core, 'spaces.list', {})).spaces).toEqual([])
    expect((await call(core, 'spaces.list', { includeArchived: true })).spaces).toMatchObject([{ id: project.id, archived: true }])
  })

  it('a project from a newer Staffroom is shown read-only and never written', async () => {
    const core = await cluster.open('a')
    const { project } = await call(core, 'projects.create', { title: 'From the future' })
    const handle = await core.repo.find<ProjectDoc>(project.url as AutomergeUrl)
    handle.change((doc) => {
      doc.schemaVersion = 99
      ;(doc as unknown as { hologram: string }).hologram = 'kept'
    })
    const heads = A.getHeads(handle.doc())
    expect((await call(core, 'projects.get', { projectId: project.id })).project.readOnlyReason).toMatch(/newer version/)
    expect(await core.dispatch('projects.addTask', { projectId: project.id, title: 'x' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/newer version/) } })
    expect(A.getHeads(handle.doc())).toEqual(heads)
  })

  it('count changes made elsewhere since the person last looked, not their own', async () => {
    const core = await cluster.open('a')
    const { project } = await call(core, 'projects.create', { title: 'Unread' })
    expect((await call(core, 'spaces.list', {})).spaces[0]).toMatchObject({ neverOpened: true, unreadChanges: 0 })
    await call(core, 'spaces.markSeen', { spaceId: project.id })
    await call(core, 'projects.addTask', { projectId: project.id, title: 'Mine' })
    expect((await call(core, 'spaces.list', {})).spaces[0]).toMatchObject({ neverOpened: false, unreadChanges: 0 })

    // A colleague's change arrives (another actor, named as another device in authors).
    const renderer = connectRenderer(core)
    const theirs = await renderer.repo.find<ProjectDoc>(project.url as AutomergeUrl)
    theirs.change((doc) => {
      doc.authors[A.getActorId(theirs.doc())] = { deviceId: 'COLLEAGUE', name: 'Mr Okafor' }
      A.splice(doc, ['title'], 0, 0, 'New: ')
    })
    theirs.change((doc) => void A.splice(doc, ['title'], 0, 0, '!'))
    for (let i = 0; i < 100 && (await call(core, 'spaces.list', {})).spaces[0]!.unreadChanges < 2; i++) await new Promise((r) => setTimeout(r, 20))
    expect((await call(core, 'spaces.list', {})).spaces[0]).toMatchObject({ title: '!New: Unread', unreadChanges: 2 })
    await call(core, 'spaces.markSeen', { spaceId: project.id })
    expect((await call(core, 'spaces.list', {})).spaces[0]!.unreadChanges).toBe(0)
    await renderer.close()
  })
})
