import { Repo, type PeerId } from '@automerge/automerge-repo'
import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { newProjectDoc } from '../editor/testProjectEditor'
import { useProjectPresence } from './useProjectPresence'

let repos: Repo[] = []
afterEach(async () => {
  await Promise.all(repos.map((repo) => repo.shutdown()))
  repos = []
})

const fast = { heartbeatMs: 50, peerTtlMs: 300 }

describe('useProjectPresence', () => {
  it('lists a peer with their selection, and drops a peer that goes silent (no goodbye) after the TTL', async () => {
    const { port1, port2 } = new MessageChannel()
    const repoA = new Repo({ network: [new MessageChannelNetworkAdapter(port1)], peerId: 'peer-a' as PeerId })
    const repoB = new Repo({ network: [new MessageChannelNetworkAdapter(port2)], peerId: 'peer-b' as PeerId })
    repos = [repoA, repoB]
    const handleA = repoA.create<ProjectDoc>(newProjectDoc())
    const handleB = await repoB.find<ProjectDoc>(handleA.url)

    const ada = renderHook(() => useProjectPresence(handleA, { deviceId: 'device-ada', name: 'Ada' }, fast))
    const grace = renderHook(() => useProjectPresence(handleB, { deviceId: 'device-grace', name: 'Grace' }, fast))
    await waitFor(() => expect(grace.result.current.peers.map((p) => p.name)).toEqual(['Ada']), { timeout: 3000 })
    await waitFor(() => expect(ada.result.current.peers.map((p) => p.name)).toEqual(['Grace']), { timeout: 3000 })

    act(() => ada.result.current.setSelection({ anchor: 'cursor-1', head: 'cursor-2' }))
    await waitFor(() => expect(grace.result.current.peers[0]?.selection).toEqual({ anchor: 'cursor-1', head: 'cursor-2' }))

    // Ada's connection drops without a goodbye: her heartbeats stop reaching Grace.
    port1.close()
    await waitFor(() => expect(grace.result.current.peers).toEqual([]), { timeout: 3000 })
    ada.unmount()
    grace.unmount()
  })

  it('does nothing without me (a signed-out view)', () => {
    const handle = new Repo({ network: [] }).create<ProjectDoc>(newProjectDoc())
    const { result } = renderHook(() => useProjectPresence(handle, null))
    expect(result.current.peers).toEqual([])
    expect(() => result.current.setSelection(null)).not.toThrow()
  })
})
