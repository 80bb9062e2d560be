import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { NewProjectModal } from './NewProjectModal'

describe('NewProjectModal', () => {
  it('offers every template with its description and sends the title, template, subject and grade', async () => {
    const api = createFakeApi({ 'projects.create': () => ({ ok: true, value: { project: { id: 'p9' } as never } }) })
    const onCreated = vi.fn()
    renderWithProviders(<NewProjectModal opened onClose={() => undefined} onCreated={onCreated} />, { platform: createFakePlatform(api) })
    const dialog = await screen.findByRole('dialog', { name: 'New project' })
    const user = userEvent.setup()

    const templates = within(dialog).getAllByRole('radio')
    expect(templates.map((radio) => radio.closest('.mantine-Radio-root')?.textContent)).toEqual([
      'Blank projectAn empty page.',
      'Lesson planOne lesson: objectives to reflection.',
      'Unit planA sequence of lessons around big ideas.',
      'WorkshopProfessional learning for colleagues.',
    ])
    expect((within(dialog).getByRole('radio', { name: 'Lesson plan' }) as HTMLInputElement).checked).toBe(true)

    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Title' }), { target: { value: 'Staff inset day' } })
    await user.click(within(dialog).getByRole('radio', { name: 'Workshop' }))
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Subject' }), { target: { value: 'Assessment' } })
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Grade' }), { target: { value: 'All staff' } })
    await user.click(within(dialog).getByRole('button', { name: 'Create project' }))

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('p9'))
    expect(api.calls).toEqual([{ method: 'projects.create', args: { title: 'Staff inset day', template: 'workshop', subject: 'Assessment', grade: 'All staff' } }])
  }, 15_000)

  it('asks for a title before calling the core, and shows the core’s refusal in the dialog', async () => {
    const api = createFakeApi({ 'projects.create': () => ({ ok: false, error: { code: 'bad-request', message: 'The profile is read-only.' } }) })
    const onCreated = vi.fn()
    renderWithProviders(<NewProjectModal opened onClose={() => undefined} onCreated={onCreated} />, { platform: createFakePlatform(api) })
    const dialog = await screen.findByRole('dialog', { name: 'New project' })
    const user = userEvent.setup()

    await user.click(within(dialog).getByRole('button', { name: 'Create project' }))
    expect(within(dialog).getByRole('alert').textContent).toContain('Give the project a title.')
    expect(api.calls).toEqual([])

    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Title' }), { target: { value: 'Fractions' } })
    await user.click(within(dialog).getByRole('button', { name: 'Create project' }))
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toContain('The profile is read-only.'))
    expect(onCreated).not.toHaveBeenCalled()
  }, 15_000)
})
