import type { HistoryGroup, ProjectChangesSince, ProjectVersion } from '@shared/api/projectHistory'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../../test/fakePlatform'
import { renderWithProviders } from '../../../test/render'
import { HistoryPanel } from './HistoryPanel'

const none = { bodyAdded: 0, bodyRemoved: 0, titleAdded: 0, titleRemoved: 0, bodyFormatting: false, fields: [], tasks: 0, resources: 0, comments: 0 }
const oldHeads = ['a'.repeat(64)]
const newHeads = ['b'.repeat(64)]
const groups: HistoryGroup[] = [
  { id: newHeads[0] as string, heads: newHeads, authors: ['Bob'], startedAt: 2_000_000, endedAt: 2_100_000, changes: 3, summary: { ...none, bodyAdded: 14, fields: ['subject'] } },
  { id: oldHeads[0] as string, heads: oldHeads, authors: ['Alice'], startedAt: 1_000_000, endedAt: 1_100_000, changes: 2, summary: { ...none, titleAdded: 9, bodyFormatting: true } },
]
const version: ProjectVersion = {
  heads: oldHeads,
  title: 'Fractions',
  subject: 'Maths',
  grade: 'Year 4',
  template: 'lesson-plan',
  body: [
    { type: 'block', block: 'heading', attrs: { level: 2 } },
    { type: 'text', text: 'Objectives', marks: {} },
    { type: 'block', block: 'paragraph', attrs: {} },
    { type: 'text', text: 'Halves ', marks: { strong: true } },
    { type: 'text', text: '<script>alert(1)</script><img src="https://example.org/x.png">', marks: {} },
    { type: 'block', block: 'task-list-item', attrs: { checked: true } },
    { type: 'text', text: 'Slides', marks: {} },
  ],
  tasks: [{ id: 't1', title: 'Print', assignee: null, due: '2026-12-01', done: false, createdAt: 0 }],
  resources: [],
}
const changes: ProjectChangesSince = {
  heads: oldHeads,
  fields: [{ field: 'subject', before: 'Maths', after: 'Numeracy', by: 'Bob' }],
  tasks: [{ id: 't2', title: 'Cut strips', change: 'added', fields: [], by: 'Bob' }],
  resources: [],
  body: [{ change: 'inserted', text: 'paper strips', moreChars: 0, before: 'With ', after: ' and glue' }],
  moreBodySegments: 0,
  authors: [{ name: 'Bob', changes: 3 }],
  changes: 3,
}

function setup() {
  const api = createFakeApi({
    'projects.history': () => ({ ok: true, value: { groups, total: 2, hasMore: false } }),
    'projects.version': () => ({ ok: true, value: { version } }),
    'projects.changesSince': () => ({ ok: true, value: { changes } }),
    'projects.restore': () => ({ ok: true, value: { heads: ['c'.repeat(64)] } }),
  })
  return { api, user: userEvent.setup() }
}

describe('HistoryPanel', () => {
  it('lists groups of changes with author, time and summary, and opens one read-only as static text', async () => {
    const { api, user } = setup()
    const { container } = renderWithProviders(<HistoryPanel projectId="p1" />, { platform: createFakePlatform(api) })
    const timeline = await screen.findByRole('list', { name: 'Project history' })
    const entries = within(timeline).getAllByRole('button')
    expect(entries.map((e) => e.textContent)).toEqual([expect.stringMatching(/^Bob.*3 changes.*Added 14 characters in the text and set the subject$/), expect.stringMatching(/^Alice.*2 changes.*Changed formatting and edited the title$/)])

    entries[1]?.focus()
    await user.keyboard('{Enter}')
    expect(entries[1]?.getAttribute('aria-pressed')).toBe('true')
    const opened = await screen.findByRole('region', { name: /^Version of / })
    expect(within(opened).getByRole('heading', { name: 'Objectives' })).toBeTruthy()
    expect(within(opened).getByText('Halves').tagName).toBe('STRONG')
    expect(within(opened).getByText(/<script>alert\(1\)<\/script>/)).toBeTruthy()
    expect(container.querySelector('script, img')).toBeNull()
    expect(within(opened).getByRole('img', { name: 'Done:' })).toBeTruthy()
    expect(within(opened).getByRole('list', { name: 'Tasks in this version' }).textContent).toBe('Print, due 2026-12-01')
    expect(api.calls).toContainEqual({ method: 'projects.version', args: { projectId: 'p1', heads: oldHeads } })
  })

  it('says what changed since the version, with authors', async () => {
    const { api, user } = setup()
    renderWithProviders(<HistoryPanel projectId="p1" />, { platform: createFakePlatform(api) })
    await user.click(await screen.findByRole('button', { name: /^Alice/ }))
    await user.click(await screen.findByRole('button', { name: 'What changed since this version' }))
    const region = await screen.findByRole('region', { name: 'What changed since this version' })
    expect(region.textContent).toContain('3 changes since, by Bob (3).')
    expect(region.textContent).toContain('subject: “Maths” → “Numeracy” (Bob)')
    expect(region.textContent).toContain('Added task “Cut strips” (Bob)')
    const inserted = region.querySelector('ins')
    expect(inserted?.textContent).toBe('Added: paper strips')
    expect(inserted?.parentElement?.textContent).toBe('With Added: paper strips and glue')
  })

  it('restores a version after confirming, then reloads the timeline; the current version and a viewer are not offered Restore', async () => {
    const { api, user } = setup()
    const { unmount } = renderWithProviders(<HistoryPanel projectId="p1" />, { platform: createFakePlatform(api) })
    await user.click(await screen.findByRole('button', { name: /^Bob/ }))
    expect(await screen.findByText('This is the project as it is now.')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Restore this version' })).toBeNull()

    await user.click(screen.getByRole('button', { name: /^Alice/ }))
    await user.click(await screen.findByRole('button', { name: 'Restore this version' }))
    const dialog = await screen.findByRole('dialog', { name: 'Restore this version?' })
    expect(dialog.textContent).toContain('nothing in the history is lost')
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }))
    await waitFor(() => expect(api.calls).toContainEqual({ method: 'projects.restore', args: { projectId: 'p1', heads: oldHeads } }))
    expect(await screen.findByText(/^Restored the version of/)).toBeTruthy()
    expect(api.calls.filter((c) => c.method === 'projects.history')).toHaveLength(2)
    unmount()

    renderWithProviders(<HistoryPanel projectId="p1" readOnly />, { platform: createFakePlatform(api) })
    await user.click(await screen.findByRole('button', { name: /^Alice/ }))
    await screen.findByRole('button', { name: 'What changed since this version' })
    expect(screen.queryByRole('button', { name: 'Restore this version' })).toBeNull()
  })
})
