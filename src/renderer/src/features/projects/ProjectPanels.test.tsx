import type { ProjectView } from '@shared/api/projects'
import type { PairedDevice, SyncStatusView } from '@shared/api/sync'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders, TestProviders } from '../../test/render'
import { ProjectMembers } from './ProjectMembers'
import { ProjectResources } from './ProjectResources'
import { ProjectTasks } from './ProjectTasks'

const me = 'A'.repeat(52)
const colleague = 'B'.repeat(52)
const otherColleague = 'C'.repeat(52)

function project(partial: Partial<ProjectView> = {}): ProjectView {
  return {
    id: 'p1',
    url: 'automerge:p1',
    title: 'Photosynthesis',
    subject: 'Science',
    grade: 'Year 5',
    template: 'lesson-plan',
    myRole: 'owner',
    myDeviceId: me,
    members: [
      { deviceId: me, name: 'Ms Diallo', role: 'owner', isMe: true },
      { deviceId: colleague, name: 'Mr Stone', role: 'editor', isMe: false },
    ],
    tasks: [],
    resources: [],
    createdAt: 0,
    archivedAt: null,
    readOnlyReason: null,
    ...partial,
  }
}

function paired(deviceId: string, name: string, relation: PairedDevice['relation'] = 'contact'): PairedDevice {
  return { deviceId, shownId: `${deviceId.slice(0, 4)}-${deviceId.slice(4, 8)}`, name, relation, contactId: null, addresses: [], pairedAt: 0, revokedAt: null, lastSeenAt: null, online: true }
}

function syncStatus(devices: PairedDevice[]): SyncStatusView {
  return { deviceId: me, shownId: 'AAAA', deviceName: 'Ms Diallo', listening: null, devices, refusedHandshakes: 0, cutOff: [], relay: { url: null, state: 'offline', lastError: null, relayed: 0 }, workspace: { listed: 0, present: 0 } }
}

describe('ProjectTasks', () => {
  it('adds a task with an assignee among the members and a due day, ticks it done and removes it', async () => {
    const task = { id: 't1', title: 'Print the seed diagrams', assignee: colleague, due: '2026-12-03', done: false, createdAt: 1 }
    const api = createFakeApi({
      'projects.addTask': () => ({ ok: true, value: { project: project({ tasks: [task] }), taskId: 't1' } }),
      'projects.updateTask': () => ({ ok: true, value: { project: project({ tasks: [{ ...task, done: true }] }) } }),
      'projects.removeTask': () => ({ ok: true, value: { project: project() } }),
    })
    const onChanged = vi.fn()
    const platform = createFakePlatform(api)
    const { rerender } = renderWithProviders(<ProjectTasks project={project()} readOnly={false} onChanged={onChanged} />, { platform })
    const user = userEvent.setup()
    const form = screen.getByRole('form', { name: 'Add a task' })

    fireEvent.change(within(form).getByRole('textbox', { name: 'New task' }), { target: { value: 'Print the seed diagrams' } })
    await user.click(within(form).getByRole('combobox', { name: 'Assignee' }))
    await user.click(await screen.findByRole('option', { name: 'Mr Stone' }))
    fireEvent.change(within(form).getByLabelText('Due'), { target: { value: '2026-12-03' } })
    await user.click(within(form).getByRole('button', { name: 'Add task' }))
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1))
    expect(api.calls[0]).toEqual({ method: 'projects.addTask', args: { projectId: 'p1', title: 'Print the seed diagrams', assignee: colleague, due: '2026-12-03' } })

    rerender(
      <TestProviders platform={platform}>
        <ProjectTasks project={project({ tasks: [task] })} readOnly={false} onChanged={onChanged} />
      </TestProviders>,
    )
    const row = screen.getByTestId('project-task')
    expect(row.textContent).toContain('Mr Stone')
    expect(row.textContent).toMatch(/due .*2026/)
    await user.click(within(row).getByRole('checkbox', { name: 'Done: Print the seed diagrams' }))
    await waitFor(() => expect(api.calls.at(-1)).toEqual({ method: 'projects.updateTask', args: { projectId: 'p1', taskId: 't1', done: true } }))
    await user.click(within(row).getByRole('button', { name: 'Remove task: Print the seed diagrams' }))
    await waitFor(() => expect(api.calls.at(-1)).toEqual({ method: 'projects.removeTask', args: { projectId: 'p1', taskId: 't1' } }))
  }, 15_000)

  it('is read-only for a viewer: no form, no remove, boxes disabled', () => {
    const api = createFakeApi({})
    renderWithProviders(<ProjectTasks project={project({ myRole: 'viewer', tasks: [{ id: 't1', title: 'Plan', assignee: null, due: null, done: false, createdAt: 1 }] })} readOnly onChanged={() => undefined} />, {
      platform: createFakePlatform(api),
    })
    expect(screen.queryByRole('form', { name: 'Add a task' })).toBeNull()
    expect(screen.queryByRole('button', { name: /Remove task/ })).toBeNull()
    expect((screen.getByRole('checkbox', { name: 'Done: Plan' }) as HTMLInputElement).disabled).toBe(true)
    expect(screen.getByTestId('project-task').textContent).toContain('Unassigned')
  })
})

describe('ProjectResources', () => {
  it('refuses a link that is not http(s) before calling the core, adds one that is, and opens it outside the app', async () => {
    const resource = { id: 'r1', title: 'Seed video', url: 'https://example.org/seeds', note: 'Used in the starter', addedBy: me, addedAt: 1 }
    const api = createFakeApi({
      'projects.addResource': () => ({ ok: true, value: { project: project({ resources: [resource] }), resourceId: 'r1' } }),
      'projects.removeResource': () => ({ ok: true, value: { project: project() } }),
    })
    const onChanged = vi.fn()
    const platform = createFakePlatform(api)
    const { rerender } = renderWithProviders(<ProjectResources project={project()} readOnly={false} onChanged={onChanged} />, { platform })
    const user = userEvent.setup()
    const form = screen.getByRole('form', { name: 'Add a resource' })
    fireEvent.change(within(form).getByRole('textbox', { name: 'Resource title' }), { target: { value: 'Seed video' } })
    fireEvent.change(within(form).getByRole('textbox', { name: 'Link (optional)' }), { target: { value: 'javascript:alert(1)' } })
    await user.click(within(form).getByRole('button', { name: 'Add resource' }))
    expect(within(form).getByRole('alert').textContent).toContain('A link starts with http:// or https://.')
    expect(api.calls).toEqual([])

    fireEvent.change(within(form).getByRole('textbox', { name: 'Link (optional)' }), { target: { value: 'https://example.org/seeds' } })
    fireEvent.change(within(form).getByRole('textbox', { name: 'Note (optional)' }), { target: { value: 'Used in the starter' } })
    await user.click(within(form).getByRole('button', { name: 'Add resource' }))
    await waitFor(() => expect(onChanged).toHaveBeenCalled())
    expect(api.calls).toEqual([{ method: 'projects.addResource', args: { projectId: 'p1', title: 'Seed video', url: 'https://example.org/seeds', note: 'Used in the starter' } }])

    rerender(
      <TestProviders platform={platform}>
        <ProjectResources project={project({ resources: [resource] })} readOnly={false} onChanged={onChanged} />
      </TestProviders>,
    )
    const opened = vi.spyOn(window, 'open').mockReturnValue(null)
    await user.click(screen.getByRole('link', { name: 'Seed video' }))
    expect(opened).toHaveBeenCalledWith('https://example.org/seeds', '_blank', 'noopener,noreferrer')
    expect(screen.getByTestId('project-resource').textContent).toContain('Used in the starter')
    await user.click(screen.getByRole('button', { name: 'Remove resource: Seed video' }))
    await waitFor(() => expect(api.calls.at(-1)).toEqual({ method: 'projects.removeResource', args: { projectId: 'p1', resourceId: 'r1' } }))
    opened.mockRestore()
  }, 15_000)
})

describe('ProjectMembers', () => {
  it('lets the owner add a paired colleague (not own devices, not members) as a viewer, change a role and remove', async () => {
    const afterAdd = project({ members: [...project().members, { deviceId: otherColleague, name: 'Mrs Ahmed', role: 'viewer', isMe: false }] })
    const api = createFakeApi({
      'sync.status': () => ({ ok: true, value: syncStatus([paired(colleague, 'Mr Stone'), paired(otherColleague, 'Mrs Ahmed'), paired('D'.repeat(52), 'My home PC', 'own')]) }),
      'spaces.setMember': () => ({ ok: true, value: { members: [] } }),
      'projects.get': () => ({ ok: true, value: { project: afterAdd } }),
    })
    const onChanged = vi.fn()
    renderWithProviders(<ProjectMembers project={project()} onChanged={onChanged} />, { platform: createFakePlatform(api) })
    const user = userEvent.setup()

    const members = screen.getAllByTestId('project-member')
    expect(members.map((m) => m.textContent)).toEqual(['Ms Diallo (you)Owner', expect.stringContaining('Mr Stone')])
    const form = await screen.findByRole('form', { name: 'Add a member' })
    await user.click(within(form).getByRole('combobox', { name: 'Colleague’s device' }))
    const options = await screen.findAllByRole('option')
    expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining('Mrs Ahmed')])
    await user.click(options[0]!)
    await user.click(within(form).getByRole('combobox', { name: 'Role' }))
    await user.click(await screen.findByRole('option', { name: 'Can view' }))
    await user.click(within(form).getByRole('button', { name: 'Add member' }))
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(afterAdd))
    expect(api.calls.find((c) => c.method === 'spaces.setMember')?.args).toEqual({ spaceId: 'p1', deviceId: otherColleague, role: 'viewer' })

    const lastSetMember = () => api.calls.filter((c) => c.method === 'spaces.setMember').at(-1)?.args
    await user.click(screen.getByRole('combobox', { name: 'Role of Mr Stone' }))
    await user.click(await screen.findByRole('option', { name: 'Can view' }))
    await waitFor(() => expect(lastSetMember()).toEqual({ spaceId: 'p1', deviceId: colleague, role: 'viewer' }))
    await user.click(screen.getByRole('button', { name: 'Remove Mr Stone from the project' }))
    await waitFor(() => expect(lastSetMember()).toEqual({ spaceId: 'p1', deviceId: colleague, role: null }))
  }, 15_000)

  it('shows roles only, with no controls, to an editor; and the core’s refusal inline to the owner', async () => {
    const api = createFakeApi({})
    const { unmount } = renderWithProviders(<ProjectMembers project={project({ myRole: 'editor' })} onChanged={() => undefined} />, { platform: createFakePlatform(api) })
    expect(screen.queryByRole('form', { name: 'Add a member' })).toBeNull()
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull()
    expect(screen.getAllByTestId('project-member')[1]!.textContent).toContain('Can edit')
    unmount()

    const refusing = createFakeApi({
      'sync.status': () => ({ ok: true, value: syncStatus([]) }),
      'spaces.setMember': () => ({ ok: false, error: { code: 'bad-request', message: 'Only the owner can change who is in this space.' } }),
    })
    renderWithProviders(<ProjectMembers project={project()} onChanged={() => undefined} />, { platform: createFakePlatform(refusing) })
    expect((await screen.findByText(/pair with their device first/)).textContent).toContain('Devices and sharing')
    await userEvent.setup().click(screen.getByRole('button', { name: 'Remove Mr Stone from the project' }))
    // Inline beside the list (and, like every refusal, as a toast too).
    await waitFor(() => expect(screen.getAllByRole('alert').filter((a) => a.classList.contains('mantine-Alert-root')).map((a) => a.textContent)).toEqual(['Only the owner can change who is in this space.']))
  }, 15_000)
})
