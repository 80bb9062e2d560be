import { getActorId } from '@automerge/automerge/slim'
import { Repo } from '@automerge/automerge-repo'
import type { ProjectView as ProjectViewData } from '@shared/api/projects'
import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { createProjectHandle } from './editor/testProjectEditor'
import { ProjectView } from './ProjectView'

const me = 'A'.repeat(52)

function setUp(partial: Partial<ProjectViewData> = {}) {
  const repo = new Repo({ network: [] })
  const handle = createProjectHandle(repo)
  handle.change((doc) => {
    doc.title = 'Fractions week'
  })
  const project: ProjectViewData = {
    id: handle.documentId,
    url: handle.url,
    title: 'Fractions week',
    subject: 'Maths',
    grade: 'Year 4',
    template: 'blank',
    myRole: 'editor',
    myDeviceId: me,
    members: [{ deviceId: me, name: 'Ms Diallo', role: 'editor', isMe: true }],
    tasks: [],
    resources: [],
    createdAt: 0,
    archivedAt: null,
    readOnlyReason: null,
    ...partial,
  }
  const api = createFakeApi({
    'projects.get': () => ({ ok: true, value: { project } }),
    'spaces.markSeen': () => ({ ok: true, value: { ok: true } }),
    'projects.comments': () => ({ ok: true, value: { threads: [], canComment: true } as never }),
    'projects.conflicts': () => ({ ok: true, value: { conflicts: [] } as never }),
  })
  renderWithProviders(<ProjectView projectId={project.id} />, { platform: createFakePlatform(api, repo) })
  return { api, handle, project }
}

describe('ProjectView', () => {
  it('opens the project live, names this renderer’s actor as an author and marks the project seen', async () => {
    const { api, handle, project } = setUp()
    const title = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Project title' })
    expect(title.value).toBe('Fractions week')
    await screen.findByRole('textbox', { name: 'Project body' })
    await waitFor(() => expect(handle.doc().authors[getActorId(handle.doc())]).toEqual({ deviceId: me, name: 'Ms Diallo' }))
    expect(api.calls).toContainEqual({ method: 'spaces.markSeen', args: { spaceId: project.id } })
    expect(screen.queryByTestId('project-read-only')).toBeNull()
    expect(screen.getByTestId('project-role').textContent).toBe('Can edit')
  }, 20_000)

  it('is read-only with a banner saying why for a viewer, and writes nothing to the document', async () => {
    const { handle } = setUp({ myRole: 'viewer', members: [{ deviceId: me, name: 'Ms Diallo', role: 'viewer', isMe: true }] })
    const banner = await screen.findByTestId('project-read-only')
    expect(banner.textContent).toContain('its owner added you as a viewer')
    expect((await screen.findByRole<HTMLInputElement>('textbox', { name: 'Project title' })).readOnly).toBe(true)
    expect((await screen.findByRole('textbox', { name: 'Project body' })).getAttribute('aria-readonly')).toBe('true')
    expect(screen.queryByRole('button', { name: 'Archive' })).toBeNull()
    expect(handle.doc().authors).toEqual({})
  }, 20_000)

  it('is read-only for a document saved by a newer Staffroom, with the core’s reason', async () => {
    setUp({ myRole: 'owner', readOnlyReason: 'This project was saved by a newer version of Staffroom.' })
    expect((await screen.findByTestId('project-read-only')).textContent).toContain('saved by a newer version of Staffroom')
  }, 20_000)
})
