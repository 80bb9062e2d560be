import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dayOf } from '@shared/network/keepingInTouch'
import { openCore, type CoreInternals } from '../createCore'
import type { Core } from '../Core'
import { call } from '../testing/coreHarness'
import { coreCluster } from '../testing/coreCluster'
import { eventually } from '../testing/eventually'
import { makeTempDir } from '../testing/tempDir'

describe('space activity and dashboard.summary through the core', () => {
  let temp: ReturnType<typeof makeTempDir>
  const open: Core[] = []
  const start = async (): Promise<{ core: Core; internals: CoreInternals }> => {
    const opened = await openCore({ dataDir: join(temp.dir, 'profile') })
    open.push(opened.core)
    return opened
  }
  beforeEach(() => (temp = makeTempDir()))
  afterEach(async () => {
    for (const core of open.splice(0)) await core.shutdown()
    temp.remove()
  })

  it('keeps a row per listed project and circle as they change, rebuilt by reindex and dropped when unlisted', async () => {
    const { core, internals } = await start()
    const indexer = internals.ctx.dashboard.spaceActivity
    const before = Math.floor(Date.now() / 1000) * 1000
    const { project } = await call(core, 'projects.create', { title: 'Fractions, week 1' })
    const { project: archived } = await call(core, 'projects.create', { title: 'Old unit' })
    const { circle } = await call(core, 'circles.create', { name: 'Maths circle' })
    await call(core, 'projects.update', { projectId: archived.id, archived: true })
    const rows = () => {
      indexer.flushPending()
      return indexer.rows()
    }
    await eventually(() => rows().length === 3 && rows().some((r) => r.archived === 1))
    const byId = new Map(rows().map((r) => [r.document_id, r]))
    expect(byId.get(project.id)).toMatchObject({ kind: 'project', title: 'Fractions, week 1', archived: 0, member_count: 1 })
    expect(byId.get(archived.id)).toMatchObject({ kind: 'project', title: 'Old unit', archived: 1 })
    expect(byId.get(circle.id)).toMatchObject({ kind: 'circle', title: 'Maths circle', archived: 0, member_count: 1 })
    for (const row of rows()) expect(row.last_change_at).toBeGreaterThanOrEqual(before)

    const today = dayOf(Date.now())
    const summary = await call(core, 'dashboard.summary', { from: today, to: today, today })
    expect(summary.learning.projectsActive.current).toBe(1)
    expect(summary.learning.projectsTotal).toBe(1)

    internals.db.prepare('DELETE FROM space_activity').run()
    await core.reindex()
    expect(rows().map((r) => r.document_id).sort()).toEqual([project.id, archived.id, circle.id].sort())

    internals.ctx.workspace.change((doc) => {
      delete doc.projects[archived.id]
    })
    await eventually(() => rows().length === 2)
    expect(rows().some((r) => r.document_id === archived.id)).toBe(false)
  })

  it('finds the spaces again after a restart and keeps following their changes', async () => {
    const first = await start()
    const { project } = await call(first.core, 'projects.create', { title: 'Poetry' })
    await first.core.shutdown()
    const { core, internals } = await start()
    const indexer = internals.ctx.dashboard.spaceActivity
    indexer.flushPending()
    expect(indexer.rows()).toMatchObject([{ document_id: project.id, title: 'Poetry', archived: 0 }])
    await call(core, 'projects.update', { projectId: project.id, archived: true })
    await eventually(() => {
      indexer.flushPending()
      return indexer.rows()[0]?.archived === 1
    })
  })

  it('refuses a range that ends before it starts, or days that are not dates', async () => {
    const { core } = await start()
    expect(await core.dispatch('dashboard.summary', { from: '2026-03-10', to: '2026-03-01', today: '2026-03-10' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('from is after to') },
    })
    expect(await core.dispatch('dashboard.summary', { from: '10/03/2026', to: '2026-03-01', today: '2026-03-10' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
  })
})

describe('space activity of a project shared by a colleague', () => {
  const cluster = coreCluster()

  it('appears in the dashboard once it arrives, and follows the owner archiving it', async () => {
    const a = await cluster.open('a', { deviceName: 'Ms Diallo' })
    const b = await cluster.open('b', { deviceName: 'Mr Okafor' })
    await a.sync.start({ host: '127.0.0.1' })
    const invite = await call(a, 'sync.createInvite', { relation: 'contact' })
    await call(b, 'sync.acceptInvite', { code: invite.code })
    await eventually(() => a.sync.service.isConnected(b.sync.identity.deviceId))
    const { project } = await call(a, 'projects.create', { title: 'Shared lesson' })
    await call(a, 'spaces.setMember', { spaceId: project.id, deviceId: b.sync.identity.deviceId, role: 'editor' })

    const today = dayOf(Date.now())
    const learningOnB = async () => (await call(b, 'dashboard.summary', { from: today, to: today, today })).learning
    // Nothing on B opens the project: the indexer loads it when the workspace lists it.
    await eventually(async () => (await learningOnB()).projectsTotal === 1)
    expect((await learningOnB()).projectsActive.current).toBe(1)
    await call(a, 'projects.update', { projectId: project.id, archived: true })
    await eventually(async () => (await learningOnB()).projectsTotal === 0)
  })
})
