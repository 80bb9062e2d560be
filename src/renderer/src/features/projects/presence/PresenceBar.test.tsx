import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../../test/render'
import { PresenceBar } from './PresenceBar'

describe('PresenceBar', () => {
  it('shows my initials from my name, not from the "(you)" it adds, and names everyone for screen readers', () => {
    renderWithProviders(<PresenceBar me={{ deviceId: 'A'.repeat(52), name: 'Ada Lovelace' }} peers={[{ peerId: 'peer-b', deviceId: 'B'.repeat(52), name: 'Grace Hopper', colour: '#1864ab', selection: null, lastActiveAt: 0 }]} />)
    expect(screen.getByRole('list', { name: 'In this project now: 2 people' })).toBeTruthy()
    expect(screen.getByTestId('presence-me').textContent).toBe('ALAda Lovelace (you)')
    expect(screen.getByTestId('presence-peer').textContent).toBe('GHGrace Hopper')
  })
})
