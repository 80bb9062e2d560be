import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { Suggestion } from '@shared/api/reflection'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { SuggestionsPanel } from './SuggestionsPanel'

const reconnect: Suggestion = {
  key: 'reconnect:ada:2027-01-26',
  kind: 'reconnect',
  title: 'Reconnect with Ada Okafor',
  explanation: 'You last spoke with Ada Okafor 94 days ago; you planned every 30 days.',
  evidence: [
    { label: 'Last in touch', value: '27 Dec 2026' },
    { label: 'Overdue', value: '64 days' },
  ],
  link: { href: '#/contacts?id=ada', label: 'Open Ada Okafor' },
}
const lesson: Suggestion = {
  key: 'lesson:j1',
  kind: 'lesson',
  title: 'Write down what a setback taught you',
  explanation: 'Your setback entry “Lost the class” of 3 Mar 2027 does not say what you learned yet.',
  evidence: [{ label: 'Date', value: '3 Mar 2027' }],
  link: { href: '#/journal?id=j1&edit=1', label: 'Add the lesson' },
}

describe('SuggestionsPanel', () => {
  it('shows each suggestion with its explanation, evidence and link; Dismiss hides it and Undo brings it back', async () => {
    const dismissed = new Set<string>()
    const api = createFakeApi({
      'suggestions.list': () => ({ ok: true, value: { suggestions: [reconnect, lesson].filter((s) => !dismissed.has(s.key)), dismissedCount: dismissed.size } }),
      'suggestions.dismiss': (args) => {
        const { key } = args as { key: string }
        dismissed.add(key)
        return { ok: true, value: { key, dismissedAt: 1 } }
      },
      'suggestions.undismiss': (args) => {
        const { key } = args as { key: string }
        dismissed.delete(key)
        return { ok: true, value: { key } }
      },
    })
    renderWithProviders(<SuggestionsPanel from="2027-03-01" to="2027-03-31" today="2027-03-31" />, { platform: createFakePlatform(api) })

    const list = await screen.findByRole('list', { name: 'Suggestions' })
    expect(api.calls[0]).toEqual({ method: 'suggestions.list', args: { from: '2027-03-01', to: '2027-03-31', today: '2027-03-31' } })
    const items = within(list).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    const first = within(items[0]!)
    expect(first.getByRole('heading', { name: 'Reconnect with Ada Okafor', level: 3 })).toBeTruthy()
    expect(first.getByText(reconnect.explanation)).toBeTruthy()
    expect(first.getByText('64 days')).toBeTruthy()
    expect(first.getByRole('link', { name: 'Open Ada Okafor' }).getAttribute('href')).toBe('#/contacts?id=ada')
    expect(within(items[1]!).getByRole('link', { name: 'Add the lesson' }).getAttribute('href')).toBe('#/journal?id=j1&edit=1')

    fireEvent.click(first.getByRole('button', { name: 'Dismiss “Reconnect with Ada Okafor”' }))
    await waitFor(() => expect(screen.queryByText('Reconnect with Ada Okafor')).toBeNull())
    expect(api.calls.find((c) => c.method === 'suggestions.dismiss')!.args).toEqual({ key: reconnect.key })
    expect(screen.getAllByTestId('suggestion')).toHaveLength(1)

    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }))
    expect(await screen.findByText('Reconnect with Ada Okafor')).toBeTruthy()
    expect(api.calls.find((c) => c.method === 'suggestions.undismiss')!.args).toEqual({ key: reconnect.key })
  })

  it('says when there is nothing to suggest, counting the dismissed ones', async () => {
    const api = createFakeApi({ 'suggestions.list': () => ({ ok: true, value: { suggestions: [], dismissedCount: 2 } }) })
    renderWithProviders(<SuggestionsPanel from="2027-03-01" to="2027-03-31" today="2027-03-31" />, { platform: createFakePlatform(api) })
    expect(await screen.findByText('Nothing to suggest for this period (2 dismissed).')).toBeTruthy()
  })

  it('reloads when a record a rule reads changes', async () => {
    let calls = 0
    const api = createFakeApi({ 'suggestions.list': () => ({ ok: true, value: { suggestions: calls++ === 0 ? [] : [lesson], dismissedCount: 0 } }) })
    renderWithProviders(<SuggestionsPanel from="2027-03-01" to="2027-03-31" today="2027-03-31" />, { platform: createFakePlatform(api) })
    await screen.findByText('Nothing to suggest for this period.')
    api.emit('index.changed', { kinds: ['journal'], ids: ['j1'] })
    expect(await screen.findByText(lesson.title)).toBeTruthy()
  })
})
