import { Repo, type AutomergeUrl, type NetworkAdapterInterface } from '@automerge/automerge-repo'
import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'
import type { MessagePort as NodeMessagePort } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { ipcChannels } from '@shared/api/wire'
import { MessagePortMainAdapter } from './MessagePortMainAdapter'
import { RendererRepoBridge } from './RendererRepoBridge'
import { FakeMessageChannelFactory, FakeMessagePortMain } from './testing/FakeMessageChannelMain'
import { FakeWebContents } from './testing/FakeWebContents'

const repos: Repo[] = []
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.shutdown()))
})

/** The renderer's side: a Repo on the DOM-style port the preload would hand to the page. */
function rendererRepoOn(contents: FakeWebContents, index: number): Repo {
  const post = contents.posted[index]
  expect(post?.channel).toBe(ipcChannels.repoPort)
  const port = (post?.transfer[0] as FakeMessagePortMain).nodePort as NodeMessagePort
  const repo = new Repo({ network: [new MessageChannelNetworkAdapter(port as unknown as ConstructorParameters<typeof MessageChannelNetworkAdapter>[0])] })
  repos.push(repo)
  return repo
}

describe('MessagePortMainAdapter', () => {
  it('delivers messages as {data} events and copies ArrayBuffers instead of transferring them', async () => {
    const channels = new FakeMessageChannelFactory()
    const { port1, port2 } = channels.create()
    const adapter = new MessagePortMainAdapter(port1)
    const received: unknown[] = []
    adapter.addEventListener('message', (event) => received.push(event.data))
    adapter.start()
    port2.start()
    const echoed = new Promise<unknown>((resolve) => port2.on('message', (event) => resolve(event.data)))
    const buffer = new Uint8Array([1, 2, 3]).buffer
    // A bare MessagePortMain would throw on this transfer list; the adapter must not.
    adapter.postMessage({ data: buffer }, [buffer])
    expect(await echoed).toEqual({ data: new Uint8Array([1, 2, 3]).buffer })
    port2.postMessage({ hello: 'main' })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(received).toEqual([{ hello: 'main' }])
    adapter.close()
  })
})

/** What the core does for a local UI adapter, on a bare Repo. */
function localUiOf(repo: Repo) {
  return {
    connectLocalUi: (adapter: NetworkAdapterInterface) => repo.networkSubsystem.addNetworkAdapter(adapter),
    disconnectLocalUi: (adapter: NetworkAdapterInterface) => repo.networkSubsystem.removeNetworkAdapter(adapter),
  }
}

describe('RendererRepoBridge', () => {
  it('syncs documents both ways between the core repo and the renderer repo', async () => {
    const coreRepo = new Repo({ network: [] })
    repos.push(coreRepo)
    const contents = new FakeWebContents()
    const bridge = new RendererRepoBridge(localUiOf(coreRepo), new FakeMessageChannelFactory())
    bridge.attach(contents)
    expect(contents.posted).toHaveLength(0)
    contents.emit('did-finish-load')
    expect(bridge.connected).toBe(true)

    const renderer = rendererRepoOn(contents, 0)
    const coreHandle = coreRepo.create<{ text: string }>({ text: 'from the core' })
    const rendererHandle = await renderer.find<{ text: string }>(coreHandle.url)
    expect(rendererHandle.doc().text).toBe('from the core')

    rendererHandle.change((doc) => (doc.text = 'typed in the window'))
    await waitUntil(() => coreHandle.doc().text === 'typed in the window')
  })

  it('gives every page load a fresh channel and drops the old adapter', async () => {
    const coreRepo = new Repo({ network: [] })
    repos.push(coreRepo)
    const contents = new FakeWebContents()
    const bridge = new RendererRepoBridge(localUiOf(coreRepo), new FakeMessageChannelFactory())
    bridge.attach(contents)
    contents.emit('did-finish-load')
    const adaptersBefore = coreRepo.networkSubsystem.adapters.length
    contents.emit('did-finish-load')
    expect(contents.posted).toHaveLength(2)
    expect(coreRepo.networkSubsystem.adapters.length).toBe(adaptersBefore)

    const renderer = rendererRepoOn(contents, 1)
    const handle = coreRepo.create<{ n: number }>({ n: 1 })
    expect((await renderer.find<{ n: number }>(handle.url as AutomergeUrl)).doc().n).toBe(1)

    contents.emit('destroyed')
    expect(bridge.connected).toBe(false)
    expect(coreRepo.networkSubsystem.adapters.length).toBe(adaptersBefore - 1)
  })
})

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
