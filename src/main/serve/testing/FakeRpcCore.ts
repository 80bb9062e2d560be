import { Repo, type NetworkAdapterInterface } from '@automerge/automerge-repo'
import type { EventMessage } from '@shared/api'
import type { RpcResult } from '@shared/errors'

/**
 * What the serve shell needs of a core, for tests of the shell itself: a real (in-memory) Repo,
 * a dispatch that echoes, and an event source the test can fire.
 */
export class FakeRpcCore {
  readonly repo = new Repo({ network: [] })
  readonly calls: Array<{ method: string; args: unknown }> = []
  private readonly listeners = new Set<(message: EventMessage) => void>()

  async dispatch(method: string, args: unknown): Promise<RpcResult<unknown>> {
    this.calls.push({ method, args })
    if (method === 'test.fail') return { ok: false, error: { code: 'not-found', message: 'No such thing.' } }
    return { ok: true, value: { echo: { method, args } } }
  }

  connectLocalUi(adapter: NetworkAdapterInterface): void {
    this.repo.networkSubsystem.addNetworkAdapter(adapter)
  }

  disconnectLocalUi(adapter: NetworkAdapterInterface): void {
    this.repo.networkSubsystem.removeNetworkAdapter(adapter)
  }

  onEvent(listener: (message: EventMessage) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get listenerCount(): number {
    return this.listeners.size
  }

  emit(message: EventMessage): void {
    for (const listener of this.listeners) listener(message)
  }
}
