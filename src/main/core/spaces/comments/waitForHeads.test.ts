import * as A from '@automerge/automerge'
import { Repo } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { waitForHeads } from './waitForHeads'

describe('waitForHeads', () => {
  const repos: Repo[] = []
  afterEach(async () => {
    for (const repo of repos.splice(0)) await repo.shutdown()
  })

  function handle() {
    const repo = new Repo({ network: [] })
    repos.push(repo)
    return repo.create<{ n: number }>({ n: 0 })
  }

  it('resolves at once for heads the copy has, and when the change arrives later', async () => {
    const target = handle()
    await waitForHeads(target, A.getHeads(target.doc()), 50)
    const elsewhere = A.change(A.clone(target.doc()), (d) => void (d.n = 1))
    const waiting = waitForHeads(target, A.getHeads(elsewhere), 1_000)
    setTimeout(() => target.update((doc) => A.merge(doc, elsewhere)), 20)
    await waiting
    expect(target.doc().n).toBe(1)
  })

  it('refuses with a clear message when the heads never arrive', async () => {
    await expect(waitForHeads(handle(), ['ab'.repeat(32)], 50)).rejects.toThrow(/did not reach this device within 1 second,/)
  })
})
