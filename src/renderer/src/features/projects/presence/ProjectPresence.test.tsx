import { next as A } from '@automerge/automerge'
import { Repo, type DocHandle, type PeerId } from '@automerge/automerge-repo'
import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { screen, waitFor, within } from '@testing-library/react'
import { TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { afterEach, describe, expect, it } from 'vitest'
import { renderWithProviders, TestProviders } from '../../../test/render'
import { ProjectEditor } from '../editor/ProjectEditor'
import { newProjectDoc } from '../editor/testProjectEditor'
import { presenceColour } from './presenceColour'
import { presentPeers } from './useProjectPresence'

const ada = { deviceId: 'device-ada', name: 'Ada Lovelace' }
const grace = { deviceId: 'device-grace', name: 'Grace Hopper' }

let repos: Repo[] = []
afterEach(async () => {
  await Promise.all(repos.map((repo) => repo.shutdown()))
  repos = []
})

/** Two Repos joined like the renderer and a peer (through a MessageChannel), each with a handle on one project. */
async function twoPeers(): Promise<{ handleA: DocHandle<ProjectDoc>; handleB: DocHandle<ProjectDoc> }> {
  const { port1, port2 } = new MessageChannel()
  const repoA = new Repo({ network: [new MessageChannelNetworkAdapter(port1)], peerId: 'peer-a' as PeerId })
  const repoB = new Repo({ network: [new MessageChannelNetworkAdapter(port2)], peerId: 'peer-b' as PeerId })
  repos = [repoA, repoB]
  const handleA = repoA.create<ProjectDoc>(newProjectDoc())
  handleA.change((doc) => A.splice(doc, ['body'], 0, 0, 'Objectives for the week'))
  const handleB = await repoB.find<ProjectDoc>(handleA.url)
  return { handleA, handleB }
}

function Both({ handleA, handleB, showA, onViewA, onViewB }: {
  handleA: DocHandle<ProjectDoc>
  handleB: DocHandle<ProjectDoc>
  showA: boolean
  onViewA: (view: EditorView | null) => void
  onViewB: (view: EditorView | null) => void
}) {
  return (
    <>
      {showA ? (
        <section aria-label="Ada's window">
          <ProjectEditor handle={handleA} me={ada} label="Body A" onView={onViewA} />
        </section>
      ) : null}
      <section aria-label="Grace's window">
        <ProjectEditor handle={handleB} me={grace} label="Body B" onView={onViewB} />
      </section>
    </>
  )
}

describe('presence in a project', () => {
  it("shows Ada's name, caret and selection to Grace, and removes them when Ada leaves", async () => {
    const { handleA, handleB } = await twoPeers()
    let viewA: EditorView | null = null
    let viewB: EditorView | null = null
    const props = { handleA, handleB, onViewA: (v: EditorView | null) => (viewA = v), onViewB: (v: EditorView | null) => (viewB = v) }
    const { rerender } = renderWithProviders(<Both {...props} showA />)
    await waitFor(() => expect(viewA && viewB).toBeTruthy())

    // Ada selects "Objectives".
    const a = viewA as unknown as EditorView
    a.dispatch(a.state.tr.setSelection(TextSelection.create(a.state.doc, 1, 11)))

    const graces = screen.getByRole('region', { name: "Grace's window" })
    const people = await within(graces).findByRole('list', { name: 'In this project now: 2 people' }, { timeout: 5000 })
    expect(within(people).getByText('Ada Lovelace')).toBeTruthy()
    expect(within(people).getByText('Grace Hopper (you)')).toBeTruthy()

    const bodyB = within(graces).getByRole('textbox', { name: 'Body B' })
    await waitFor(() => expect(bodyB.querySelector('[data-remote-selection="device-ada"]')?.textContent).toBe('Objectives'), { timeout: 5000 })
    const caret = bodyB.querySelector<HTMLElement>('[data-remote-caret="device-ada"]')
    expect(caret?.textContent).toBe('Ada Lovelace')
    expect(caret?.getAttribute('aria-hidden')).toBe('true')
    expect(caret?.getAttribute('contenteditable')).toBe('false')
    expect(caret?.querySelector('[tabindex]')).toBeNull()
    // Grace's own text is unchanged by the decoration.
    expect(handleB.doc().body).toBe('Objectives for the week')

    // Ada's editor closes: she says goodbye and Grace sees her go at once (well before the TTL).
    rerender(
      <TestProviders>
        <Both {...props} showA={false} />
      </TestProviders>,
    )
    const alone = await within(graces).findByRole('list', { name: 'In this project now: 1 person' }, { timeout: 3000 })
    expect(within(alone).queryByText('Ada Lovelace')).toBeNull()
    expect(bodyB.querySelector('[data-remote-caret]')).toBeNull()
    expect(bodyB.querySelector('[data-remote-selection]')).toBeNull()
  }, 20_000)
})

describe('presentPeers', () => {
  const state = (peerId: string, value: Record<string, unknown>, lastActiveAt = 1) => ({ peerId: peerId as PeerId, lastActiveAt, lastSeenAt: lastActiveAt, value })

  it("checks what peers send, colours them by device, leaves out my own windows and keeps one per device", () => {
    const peers = presentPeers(
      {
        p1: state('p1', { deviceId: 'device-ada', name: ' Ada ', colour: 'url(javascript:x)', selection: { anchor: 'c1', head: 'c2' } }, 1),
        p2: state('p2', { deviceId: 'device-ada', name: 'Ada', selection: null }, 5),
        p3: state('p3', { deviceId: 'device-me', name: 'Me' }),
        p4: state('p4', { deviceId: 'device-x', name: 42, selection: { anchor: 7 } }),
        p5: state('p5', { name: 'no device' }),
      },
      'device-me',
    )
    expect(peers).toEqual([
      { peerId: 'p2', deviceId: 'device-ada', name: 'Ada', colour: presenceColour('device-ada'), selection: null, lastActiveAt: 5 },
      { peerId: 'p4', deviceId: 'device-x', name: 'Someone', colour: presenceColour('device-x'), selection: null, lastActiveAt: 1 },
    ])
  })
})
