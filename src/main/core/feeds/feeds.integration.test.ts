import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FeedItemRow } from '@shared/api/feeds'
import { readingFields } from '@shared/network/records'
import type { Core } from '../Core'
import { openCore, type CoreInternals } from '../createCore'
import { call, collectEvents } from '../testing/coreHarness'
import { eventually } from '../testing/eventually'
import { makeTempDir } from '../testing/tempDir'
import { parseOpml } from './opml/parseOpml'
import { FeedTestServer } from './testing/FeedTestServer'

// Short enough for a fast test, long enough for eight fetches at once on a busy machine.
const feedFetch = { connectTimeoutMs: 2_000, responseTimeoutMs: 1_000, deadlineMs: 5_000 }
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

describe('feeds through the core', () => {
  let temp: ReturnType<typeof makeTempDir>
  let server: FeedTestServer
  const open: Core[] = []
  const start = async (): Promise<{ core: Core; internals: CoreInternals }> => {
    const opened = await openCore({ dataDir: join(temp.dir, 'profile'), feedFetch })
    open.push(opened.core)
    return opened
  }
  beforeEach(async () => {
    temp = makeTempDir()
    server = await FeedTestServer.start()
  })
  afterEach(async () => {
    for (const core of open.splice(0)) await core.shutdown()
    await server.close()
    temp.remove()
  })

  it('follows 3 good and 5 bad feeds: per-feed errors, the good ones read, everything kept offline after a restart', async () => {
    const { core, internals } = await start()
    const good = { rss2: '/etag/wordpress-rss2.xml', atom: '/gzip/github-style-atom.xml', rss1: '/feed/journal-rss1.rdf' }
    const bad = { notXml: '/feed/not-xml.txt', huge: '/huge', redirects: '/redirect/forever/0', silent: '/hang', bomb: '/feed/entity-bomb.xml' }
    const ids: Record<string, string> = {}
    for (const [name, path] of Object.entries({ ...good, ...bad })) ids[name] = (await call(core, 'feeds.add', { url: server.url(path), kind: 'blog' })).feed.id
    const events = collectEvents(core)

    const started = performance.now()
    const { results } = await call(core, 'feeds.refresh', {})
    console.info(`feeds.refresh: 3 sample feeds and 5 hostile ones in ${(performance.now() - started).toFixed(0)} ms`)
    const byName = Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, results.find((r) => r.feedId === id)!]))
    for (const name of Object.keys(good)) expect(byName[name]!.error, name).toBeNull()
    expect(byName.notXml!.error).toMatchObject({ code: 'not-xml' })
    expect(byName.huge!.error).toMatchObject({ code: 'too-large', message: expect.stringMatching(/larger than 10 MB/) })
    expect(byName.redirects!.error).toMatchObject({ code: 'too-many-redirects', message: expect.stringMatching(/more than 5 times/) })
    expect(byName.silent!.error).toMatchObject({ code: 'timeout', message: expect.stringMatching(/accepted the connection but did not answer within 1 second/) })
    expect(byName.bomb!.error).toMatchObject({ code: 'refused', message: expect.stringMatching(/entities/) })
    const progress = events.filter((e) => e.event === 'progress').map((e) => e.payload)
    expect(progress.at(-1)).toEqual({ task: 'feeds.refresh', done: 8, total: 8 })

    const rows = new Map((await call(core, 'feeds.list', {})).feeds.map((row) => [row.id, row]))
    expect(rows.get(ids.rss2!)).toMatchObject({ status: 'ok', title: 'The Reflective Teacher – Notes from a Year 6 classroom', siteUrl: 'https://reflective-teacher.example.org/', itemCount: 2 })
    expect(rows.get(ids.atom!)).toMatchObject({ status: 'ok', title: 'Release notes from classroom-tools' })
    expect(rows.get(ids.rss1!)).toMatchObject({ status: 'ok', itemCount: 2 })
    expect(rows.get(ids.silent!)).toMatchObject({ status: 'error', itemCount: 0, lastFetchedAt: null, error: { code: 'timeout' } })

    const all = await call(core, 'feeds.items', {})
    expect(new Set(all.items.map((item) => item.feedId))).toEqual(new Set([ids.rss2, ids.atom, ids.rss1]))
    expect(all.items.map((item) => item.publishedAt)).toEqual([...all.items.map((item) => item.publishedAt)].sort((a, b) => b! - a!))

    // The sanitised content: nothing active survives, remote images only with consent.
    const [post] = (await call(core, 'feeds.items', { feedId: ids.rss2 })).items as [FeedItemRow]
    expect(post).toMatchObject({ title: 'Why I stopped marking every book (and what I do instead)', author: 'Priya Shah', hasRemoteImages: true, readingId: null })
    const withoutConsent = await call(core, 'feeds.item', { itemId: post.id })
    expect(withoutConsent.imagesAllowed).toBe(false)
    expect(withoutConsent.blocks.some((block) => block.type === 'image')).toBe(false)
    expect(JSON.stringify(withoutConsent.blocks)).not.toMatch(/script|javascript|onerror|steal/i)
    await call(core, 'feeds.update', { id: ids.rss2, patch: { allowImages: true } })
    const withConsent = await call(core, 'feeds.item', { itemId: post.id })
    expect(withConsent.blocks).toContainEqual({ type: 'image', alt: 'A feedback sheet', src: 'https://reflective-teacher.example.org/wp-content/uploads/2026/11/sheet.png' })

    // A reading made from the item is found by feed and address.
    const reading = await internals.ctx.network.store.create('reading', readingFields.parse({ title: post.title, url: post.url, feedId: ids.rss2, addedOn: '2026-12-01' }))
    expect((await call(core, 'feeds.items', { feedId: ids.rss2 })).items[0]!.readingId).toBe(reading.id)

    // Second refresh: the ETag brings a 304, the cache stays as it was.
    const again = await call(core, 'feeds.refresh', { id: ids.rss2 })
    expect(again.results).toEqual([{ feedId: ids.rss2, status: 'not-modified', newItems: 0, error: null }])
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe('"wordpress-rss2.xml-v1"')

    // Offline: the server is gone and the core restarts; the cache is still readable and a refresh fails per feed.
    await server.close()
    await core.shutdown()
    const { core: offline } = await start()
    expect((await call(offline, 'feeds.items', {})).total).toBe(all.total)
    const offlineRefresh = await call(offline, 'feeds.refresh', { id: ids.atom })
    expect(offlineRefresh.results[0]).toMatchObject({ status: 'error', error: { code: 'network', message: expect.stringMatching(/refused the connection/) } })
    expect((await call(offline, 'feeds.items', { feedId: ids.atom })).total).toBe(2)
    expect((await call(offline, 'feeds.list', {})).feeds.find((row) => row.id === ids.atom)).toMatchObject({ status: 'error', itemCount: 2, lastFetchedAt: expect.any(Number) })
    server = await FeedTestServer.start()
  })

  it('refuses a feed already followed, fetches a new one in the background, hides a removed feed’s items until restored', async () => {
    const { core } = await start()
    const { feed } = await call(core, 'feeds.add', { url: server.url('/feed/hostile-html-rss2.xml'), title: 'Mine' })
    expect(feed).toMatchObject({ title: 'Mine', status: 'never', kind: 'blog', allowImages: false })
    const sameAgain = await core.dispatch('feeds.add', { url: `${server.url('/feed/hostile-html-rss2.xml').replace('http://', 'HTTP://')}#top` })
    expect(sameAgain).toMatchObject({ ok: false, error: { code: 'bad-request', message: 'You already follow this feed ("Mine").' } })
    await eventually(async () => (await call(core, 'feeds.items', { feedId: feed.id })).total === 1)

    const [item] = (await call(core, 'feeds.items', { feedId: feed.id })).items as [FeedItemRow]
    // Markup in a title is reduced to its text; the script in it is dropped with its content.
    expect(item.title).toBe('Marking tips')
    const { blocks } = await call(core, 'feeds.item', { itemId: item.id })
    const links = blocks.flatMap((block) => ('inlines' in block ? block.inlines : [])).filter((inline) => inline.type === 'link')
    expect(links).toEqual([{ type: 'link', text: 'a real one', href: 'https://safe.example.org/read' }])
    expect(JSON.stringify(blocks)).not.toMatch(/evil|tracker|alert|password|display/)
    expect(blocks.map((block) => block.type)).not.toContain('image')

    const receipt = await call(core, 'feeds.remove', { id: feed.id })
    expect(receipt.changed).toBe(1)
    expect((await call(core, 'feeds.items', {})).total).toBe(0)
    expect(await core.dispatch('feeds.item', { itemId: item.id })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect((await call(core, 'feeds.list', { show: 'deleted' })).feeds.map((row) => row.id)).toEqual([feed.id])
    expect(await core.dispatch('feeds.refresh', { id: feed.id })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    // Once removed, the address may be followed again, and then the old one is not restored beside it.
    const again = (await call(core, 'feeds.add', { url: server.url('/feed/hostile-html-rss2.xml'), title: 'Again' })).feed
    expect(await core.dispatch('feeds.restore', { id: feed.id })).toMatchObject({ ok: false, error: { message: 'You follow this address again already ("Again"); remove that one first.' } })
    await call(core, 'feeds.remove', { id: again.id })
    // Restoring brings the cached items back.
    expect((await call(core, 'feeds.restore', { id: feed.id })).feed).toMatchObject({ deleted: false, status: 'ok', itemCount: 1 })
    expect((await call(core, 'feeds.items', {})).items.map((row) => row.feedId)).toEqual([feed.id])
  })

  it('imports an OPML of 5,000 feeds whole, counts repeats and feeds already followed, and exports them back', async () => {
    const { core } = await start()
    await call(core, 'feeds.add', { url: 'https://blog0-0.example/feed' })
    const folders = Array.from({ length: 50 }, (_, f) => {
      const feeds = Array.from({ length: 100 }, (_, i) => `<outline type="rss" text="Blog ${f}-${i}" xmlUrl="https://blog${f}-${i}.example/feed" htmlUrl="https://blog${f}-${i}.example/"/>`)
      return `<outline text="Folder ${f}">${feeds.join('')}</outline>`
    })
    const extras = '<outline text="Again" xmlUrl="https://BLOG1-1.example/feed#x"/><outline text="Mail" xmlUrl="mailto:someone@example.org"/>'
    const file = `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Big</title></head><body>${folders.join('')}${extras}</body></opml>`
    const events = collectEvents(core)

    const started = performance.now()
    const cpuBefore = process.cpuUsage()
    const result = await call(core, 'feeds.importOpml', { fileName: 'big.opml', base64: base64(file) })
    const elapsed = performance.now() - started
    const cpu = process.cpuUsage(cpuBefore)
    console.info(`feeds.importOpml: 5,000 entries (${(file.length / 1024).toFixed(0)} KB) imported in ${elapsed.toFixed(0)} ms (${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU)`)
    expect(result).toEqual({ added: 4999, alreadyFollowed: 2, skipped: [{ title: 'Outline 5052', reason: expect.stringMatching(/"Mail": .*not an http or https address/) }] })
    const importProgress = events.filter((e) => e.event === 'progress').map((e) => e.payload)
    expect(importProgress).toHaveLength(1 + Math.ceil(4999 / 250))
    expect(importProgress.at(-1)).toEqual({ task: 'feeds.importOpml', done: 4999, total: 4999 })
    const list = (await call(core, 'feeds.list', {})).feeds
    expect(list).toHaveLength(5000)
    expect(list.find((row) => row.url === 'https://blog49-99.example/feed')).toMatchObject({ title: 'Blog 49-99', folder: 'Folder 49', status: 'never' })
    expect(elapsed).toBeLessThan(60_000)

    expect(await call(core, 'feeds.importOpml', { fileName: 'big.opml', base64: base64(file) })).toMatchObject({ added: 0, alreadyFollowed: 5001 })
    const exported = await call(core, 'feeds.exportOpml', {})
    expect(exported.fileName).toMatch(/^staffroom-feeds-\d{4}-\d{2}-\d{2}\.opml$/)
    const reread = parseOpml(new TextEncoder().encode(exported.text))
    expect(reread.ok && reread.subscriptions.length).toBe(5000)
    expect(reread.ok && reread.subscriptions.find((s) => s.feedUrl === 'https://blog7-3.example/feed')).toMatchObject({ title: 'Blog 7-3', folder: 'Folder 7' })
  }, 120_000)

  it('imports nothing from a malformed OPML, a non-OPML file or broken base64, and says why', async () => {
    const { core } = await start()
    const truncated = '<?xml version="1.0"?><opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/feed"/><outline text="B" xmlUrl="https://b.example/feed">'
    expect(await core.dispatch('feeds.importOpml', { fileName: 'cut.opml', base64: base64(truncated) })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(/^Nothing was imported: The file is not valid XML/) },
    })
    expect(await core.dispatch('feeds.importOpml', { fileName: 'feed.xml', base64: base64('<rss version="2.0"><channel/></rss>') })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not OPML/) },
    })
    expect(await core.dispatch('feeds.importOpml', { fileName: 'x.opml', base64: 'not base64!' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/base64/) } })
    expect((await call(core, 'feeds.list', {})).feeds).toEqual([])
  })

  it('shuts down at once while a fetch is hanging, and records nothing about it', async () => {
    const opened = await openCore({ dataDir: join(temp.dir, 'slow'), feedFetch: { responseTimeoutMs: 20_000, deadlineMs: 20_000 } })
    const { feed } = await call(opened.core, 'feeds.add', { url: server.url('/hang') })
    await eventually(() => server.requests.some((r) => r.path === '/hang'))
    const started = performance.now()
    await opened.core.shutdown()
    expect(performance.now() - started).toBeLessThan(1_000)
    const again = await openCore({ dataDir: join(temp.dir, 'slow'), feedFetch })
    open.push(again.core)
    expect((await call(again.core, 'feeds.list', {})).feeds.find((row) => row.id === feed.id)).toMatchObject({ status: 'never', error: null })
  })
})
