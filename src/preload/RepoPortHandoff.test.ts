import { describe, expect, it } from 'vitest'
import { repoPortMessageType, repoPortRequestMessageType } from '@shared/api/wire'
import { RepoPortHandoff, targetOriginOf, type PageWindow } from './RepoPortHandoff'

class FakePage implements PageWindow {
  readonly posted: Array<{ message: unknown; targetOrigin: string; transfer: unknown[] }> = []
  private listener: ((event: { data: unknown; source: unknown; origin: string }) => void) | undefined
  constructor(readonly location: { origin: string }) {}
  postMessage(message: unknown, targetOrigin: string, transfer: unknown[]): void {
    this.posted.push({ message, targetOrigin, transfer })
  }
  addEventListener(_type: 'message', listener: (event: { data: unknown; source: unknown; origin: string }) => void): void {
    this.listener = listener
  }
  /** The page asking for its port, or someone else posting a look-alike message. */
  request(source: unknown = this, origin = this.location.origin): void {
    this.listener?.({ data: { type: repoPortRequestMessageType }, source, origin })
  }
}

describe('RepoPortHandoff', () => {
  it('holds a port that arrives early until the page asks, then hands it to the page origin', () => {
    const page = new FakePage({ origin: 'app://staffroom' })
    const handoff = new RepoPortHandoff(page)
    const port = { name: 'port2' }
    handoff.receivePort(port)
    expect(page.posted).toHaveLength(0)
    page.request()
    expect(page.posted).toEqual([{ message: { type: repoPortMessageType }, targetOrigin: 'app://staffroom', transfer: [port] }])
    page.request()
    expect(page.posted).toHaveLength(1)
  })

  it('hands a late port over as soon as it arrives when the page is already waiting', () => {
    const page = new FakePage({ origin: 'http://localhost:5173' })
    const handoff = new RepoPortHandoff(page)
    page.request()
    const port = { name: 'late' }
    handoff.receivePort(port)
    expect(page.posted[0]?.transfer).toEqual([port])
  })

  it('ignores requests from other windows or origins', () => {
    const page = new FakePage({ origin: 'app://staffroom' })
    const handoff = new RepoPortHandoff(page)
    handoff.receivePort({})
    page.request({ another: 'window' })
    page.request(page, 'https://evil.example')
    expect(page.posted).toHaveLength(0)
  })

  it('names the page origin when it can, and uses * only for opaque origins', () => {
    expect(targetOriginOf(new FakePage({ origin: 'app://staffroom' }))).toBe('app://staffroom')
    expect(targetOriginOf(new FakePage({ origin: 'null' }))).toBe('*')
    expect(targetOriginOf(new FakePage({ origin: 'file://' }))).toBe('*')
  })
})
