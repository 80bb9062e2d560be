import * as A from '@automerge/automerge'
import type { AutomergeUrl, DocHandle } from '@automerge/automerge-repo'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../Core'
import { textOfRange } from '@shared/spaces/commentAnchor'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { call, connectRenderer } from '../../testing/coreHarness'
import { coreCluster } from '../../testing/coreCluster'
import { eventually } from '../../testing/eventually'

const path = ['body']

/** A blank project whose body the renderer's Repo writes, as the page does. */
async function projectInRenderer(core: Core, text: string) {
  const { project } = await call(core, 'projects.create', { title: 'Forces', template: 'blank' })
  const renderer = connectRenderer(core)
  const handle = await renderer.repo.find<ProjectDoc>(project.url as AutomergeUrl)
  handle.change((doc) => {
    A.splice(doc, path, 0, doc.body.length)
    A.splitBlock(doc, path, 0, { type: 'paragraph', parents: [], attrs: {} })
    A.splice(doc, path, 1, 0, text)
  })
  return { project, handle, renderer }
}

/** What a person selected in the renderer: indices and heads on its copy. */
function select(handle: DocHandle<ProjectDoc>, part: string) {
  const doc = handle.doc()
  const from = doc.body.indexOf(part)
  return { from, to: from + part.length, heads: A.getHeads(doc) }
}

describe('project comments through the API', () => {
  const cluster = coreCluster()

  it('anchor to what the renderer selected (before the core has those edits), follow later edits, and thread replies, resolve and reopen', async () => {
    const core = await cluster.open('a', { deviceName: 'Ms Diallo' })
    const { project, handle, renderer } = await projectInRenderer(core, 'Push and pull make things move.')
    try {
      // Sent right after typing: the core waits until its copy has the renderer's heads.
      const { thread } = await call(core, 'projects.addComment', { projectId: project.id, ...select(handle, 'Push and pull'), body: '  Add a magnet demo?  ' })
      expect(thread).toMatchObject({ quote: 'Push and pull', body: 'Add a magnet demo?', authorName: 'Ms Diallo', authorId: core.sync.identity.deviceId, isMine: true, canDelete: true, canResolve: true, detached: false, resolvedAt: null, replies: [] })

      handle.change((doc) => void A.splice(doc, path, 1, 0, 'Idea: '))
      const coreHandle = await core.repo.find<ProjectDoc>(project.url as AutomergeUrl)
      await call(core, 'projects.addComment', { projectId: project.id, ...select(handle, 'move'), body: 'Which things?' })
      const listed = (await call(core, 'projects.comments', { projectId: project.id })).threads
      expect(listed.map((t) => [t.quote, textOfRange(coreHandle.doc(), t.from, t.to)])).toEqual([
        ['Push and pull', 'Push and pull'],
        ['move', 'move'],
      ])

      const { replyId } = await call(core, 'projects.replyToComment', { projectId: project.id, commentId: thread.id, body: 'Yes, and a spring.' })
      await call(core, 'projects.replyToComment', { projectId: project.id, commentId: thread.id, body: 'Noted.' })
      const resolved = await call(core, 'projects.resolveComment', { projectId: project.id, commentId: thread.id })
      expect(resolved.thread.resolvedAt).toEqual(expect.any(Number))
      expect(resolved.thread.replies.map((r) => r.body)).toEqual(['Yes, and a spring.', 'Noted.'])
      expect((await call(core, 'projects.comments', { projectId: project.id, includeResolved: false })).threads.map((t) => t.quote)).toEqual(['move'])
      expect((await call(core, 'projects.reopenComment', { projectId: project.id, commentId: thread.id })).thread.resolvedAt).toBeNull()

      expect(await call(core, 'projects.deleteComment', { projectId: project.id, commentId: thread.id, replyId })).toEqual({ deleted: 'reply' })
      expect((await call(core, 'projects.comments', { projectId: project.id })).threads[0]!.replies.map((r) => r.body)).toEqual(['Noted.'])
      expect(await call(core, 'projects.deleteComment', { projectId: project.id, commentId: thread.id })).toEqual({ deleted: 'thread' })
      expect(await core.dispatch('projects.replyToComment', { projectId: project.id, commentId: thread.id, body: 'late' })).toMatchObject({ ok: false, error: { code: 'not-found' } })

      // Deleting the commented text leaves the thread detached, with its quote.
      handle.change((doc) => void A.splice(doc, path, doc.body.indexOf('move'), 4))
      const heads = A.getHeads(handle.doc())
      await expect.poll(() => A.hasHeads(coreHandle.doc(), heads)).toBe(true)
      expect((await call(core, 'projects.comments', { projectId: project.id })).threads).toMatchObject([{ quote: 'move', detached: true }])
    } finally {
      await renderer.close()
    }
  })

  it('refuses bad input clearly and changes nothing', async () => {
    const core = await cluster.open('a')
    const { project, handle, renderer } = await projectInRenderer(core, 'Friction slows things down.')
    try {
      const selection = select(handle, 'Friction')
      const refused = async (args: Record<string, unknown>, message: RegExp) =>
        expect(await core.dispatch('projects.addComment', { projectId: project.id, ...selection, body: 'ok', ...args })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(message) } })
      await refused({ body: '   ' }, /body: Required/)
      await refused({ body: 'x'.repeat(10_001) }, /body: Too long \(max 10000\)/)
      await refused({ to: selection.from }, /Select some text/)
      await refused({ from: 0, to: 1 }, /only line breaks/)
      await refused({ to: 10_000 }, /outside/)
      await refused({ heads: ['not hex'] }, /change hashes/)
      expect(await core.dispatch('projects.comments', { projectId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
      expect(await core.dispatch('projects.resolveComment', { projectId: project.id, commentId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
      expect((await call(core, 'projects.comments', { projectId: project.id })).threads).toEqual([])
      await call(core, 'projects.addComment', { projectId: project.id, ...selection, body: 'x'.repeat(10_000) })
    } finally {
      await renderer.close()
    }
  })

  it('let a viewer comment and reply, resolve only their own threads, and delete only what they wrote; editing stays refused', async () => {
    const core = await cluster.open('a', { deviceName: 'Mr Okafor' })
    const { project, handle, renderer } = await projectInRenderer(core, 'Gravity pulls objects together.')
    const me = core.sync.identity.deviceId
    try {
      const owners = await call(core, 'projects.addComment', { projectId: project.id, ...select(handle, 'Gravity'), body: 'Use the apple story.' })
      // The project now belongs to a colleague, and this device was made a viewer.
      const coreHandle = await core.repo.find<ProjectDoc>(project.url as AutomergeUrl)
      coreHandle.change((doc) => {
        doc.members = { 'owner-device': { name: 'Ms Diallo', role: 'owner', addedAt: 1 }, [me]: { name: 'Mr Okafor', role: 'viewer', addedAt: 2 } }
        doc.comments[owners.thread.id]!.author = 'owner-device'
      })
      expect(await core.dispatch('projects.addTask', { projectId: project.id, title: 'x' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/view this project/) } })

      const mine = await call(core, 'projects.addComment', { projectId: project.id, ...select(handle, 'objects'), body: 'Which objects?' })
      expect(mine.thread).toMatchObject({ isMine: true, canResolve: true, canDelete: true })
      await call(core, 'projects.replyToComment', { projectId: project.id, commentId: owners.thread.id, body: 'Love it' })
      await call(core, 'projects.resolveComment', { projectId: project.id, commentId: mine.thread.id })
      const theirs = (await call(core, 'projects.comments', { projectId: project.id })).threads.find((t) => t.id === owners.thread.id)!
      expect(theirs).toMatchObject({ isMine: false, canResolve: false, canDelete: false, replies: [{ body: 'Love it', canDelete: true }] })
      expect(await core.dispatch('projects.resolveComment', { projectId: project.id, commentId: theirs.id })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/only the comments you started/) } })
      expect(await core.dispatch('projects.deleteComment', { projectId: project.id, commentId: theirs.id })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Only the person who wrote/) } })
      await call(core, 'projects.deleteComment', { projectId: project.id, commentId: theirs.id, replyId: theirs.replies[0]!.id })
      await call(core, 'projects.deleteComment', { projectId: project.id, commentId: mine.thread.id })
      expect((await call(core, 'projects.comments', { projectId: project.id })).threads.map((t) => [t.id, t.replies.length])).toEqual([[owners.thread.id, 0]])
    } finally {
      await renderer.close()
    }
  })

  it('reach a colleague with the range in place while both edit, and a viewer’s comment is resolved by the owner', async () => {
    const a = await cluster.open('a', { deviceName: 'Ms Diallo' })
    const b = await cluster.open('b', { deviceName: 'Mr Okafor' })
    await a.sync.start({ host: '127.0.0.1' })
    const invite = await call(a, 'sync.createInvite', { relation: 'contact' })
    await call(b, 'sync.acceptInvite', { code: invite.code })
    await eventually(async () => a.sync.service.isConnected(b.sync.identity.deviceId))

    const { project, handle, renderer } = await projectInRenderer(a, 'Magnets attract iron but not copper.')
    try {
      await call(a, 'spaces.setMember', { spaceId: project.id, deviceId: b.sync.identity.deviceId, role: 'viewer' })
      const onA = await a.repo.find<ProjectDoc>(project.url as AutomergeUrl)
      await expect.poll(() => A.hasHeads(onA.doc(), A.getHeads(handle.doc()))).toBe(true)
      const headsOnA = A.getHeads(onA.doc())
      await eventually(async () => (await call(b, 'spaces.list', {})).spaces.some((s) => s.id === project.id && s.present))
      const onB = await b.repo.find<ProjectDoc>(project.url as AutomergeUrl)
      await eventually(async () => A.hasHeads(onB.doc(), headsOnA))

      // The viewer comments on their copy while the owner types before the range on theirs.
      const part = 'not copper'
      const from = onB.doc().body.indexOf(part)
      handle.change((doc) => void A.splice(doc, path, doc.body.indexOf('Magnets'), 0, 'Try this: '))
      const { thread } = await call(b, 'projects.addComment', { projectId: project.id, from, to: from + part.length, heads: A.getHeads(onB.doc()), body: 'What about aluminium?' })
      expect(thread).toMatchObject({ quote: part, authorName: 'Mr Okafor', isMine: true, canResolve: true })

      await eventually(async () => (await call(a, 'projects.comments', { projectId: project.id })).threads.length === 1)
      const [seen] = (await call(a, 'projects.comments', { projectId: project.id })).threads
      expect(seen).toMatchObject({ id: thread.id, quote: part, authorName: 'Mr Okafor', isMine: false, canDelete: true, canResolve: true })
      await eventually(async () => onA.doc().body.includes('Try this: Magnets'))
      const placedOnA = (await call(a, 'projects.comments', { projectId: project.id })).threads[0]!
      expect(textOfRange(onA.doc(), placedOnA.from, placedOnA.to)).toBe(part)

      await call(a, 'projects.resolveComment', { projectId: project.id, commentId: thread.id })
      await eventually(async () => (await call(b, 'projects.comments', { projectId: project.id })).threads[0]?.resolvedAt !== null)
    } finally {
      await renderer.close()
    }
  })
})
