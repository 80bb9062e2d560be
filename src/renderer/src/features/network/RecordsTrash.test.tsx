import type { CommunityRow } from '@shared/api/communities'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { networkViews } from './networkViews'
import { RecordsView } from './RecordsView'

function communityRow(id: string, name: string, deleted = false): CommunityRow {
  return {
    id,
    name,
    type: 'online-forum',
    mode: 'online',
    platformOrPlace: '',
    membership: 'member',
    role: '',
    tags: [],
    lastInteractionOn: null,
    interactionCount: 0,
    deleted,
    createdAt: 0,
    updatedAt: 0,
  }
}

describe('the trash of a network list', () => {
  it('lists deleted communities under Deleted and restores one back into the current list', async () => {
    const current = [communityRow('m1', 'Maths PLC')]
    const deleted = [communityRow('m2', 'Old forum', true)]
    const api = createFakeApi({
      'communities.list': (args) => {
        const rows = (args as { show: string }).show === 'deleted' ? deleted : current
        return { ok: true, value: { rows, total: rows.length } }
      },
      'communities.restore': (args) => {
        const back = deleted.splice(0, 1)[0]!
        current.push({ ...back, deleted: false })
        expect(args).toEqual({ id: 'm2' })
        return { ok: true, value: {} as never }
      },
    })
    renderWithProviders(<RecordsView view={networkViews.communities} route={{ section: 'communities' }} />, { platform: createFakePlatform(api) })
    await screen.findByRole('link', { name: /Maths PLC/ })
    fireEvent.click(screen.getByRole('radio', { name: 'Deleted' }))
    const trash = await screen.findByRole('list', { name: 'Deleted communities' })
    await waitFor(() => expect(within(trash).getByText('Old forum')).toBeTruthy())
    expect(within(trash).queryByRole('link')).toBeNull()
    fireEvent.click(within(trash).getByRole('button', { name: 'Restore “Old forum”' }))
    expect(await screen.findByText('“Old forum” is back.')).toBeTruthy()
    api.emit('index.changed', { kinds: ['communities'], ids: ['m2'] })
    expect(await screen.findByText('Nothing deleted')).toBeTruthy()
    fireEvent.click(screen.getByRole('radio', { name: 'Current' }))
    expect(await screen.findByRole('link', { name: /Old forum/ })).toBeTruthy()
  })
})
