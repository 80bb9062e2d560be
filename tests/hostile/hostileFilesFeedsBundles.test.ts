import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FeedTestServer } from '../../src/main/core/feeds/testing/FeedTestServer'
import { applyBundleEdit, bundleEdit, partsOf, seal, type BundleEdit } from './support/bundleMutations'
import { bundleTrial } from './support/bundleTrial'
import { FuzzedFeed, opmlTrial, parseFeedTrial } from './support/feedTrials'
import { applyMutations, byteMutation, describeMutations, genericMutation, type Mutation } from './support/fileMutations'
import { FilesCore } from './support/filesCore'
import { fixtureSeeds, seedFromProfile } from './support/filesSeeds'
import { fuzzFiles } from './support/fuzzFiles'
import { TrialViolation } from './support/importTrial'
import { xmlMutation } from './support/xmlMutations'

/**
 * Hostile files, part 2 (docs/RELIABILITY.md §4): OPML subscription lists, feeds and offline
 * bundles, damaged at random, through feeds.importOpml, feeds.refresh (a real HTTP server on
 * 127.0.0.1 serving the damaged feed) and bundles.import on a real core. Each is taken whole or
 * refused with a typed error and a clear message, changing nothing; the core always answers.
 */

type Seed = { name: string; bytes: Uint8Array }

const damage = (formatMutation: fc.Arbitrary<Mutation>) => fc.array(fc.oneof({ arbitrary: genericMutation, weight: 1 }, { arbitrary: formatMutation, weight: 2 }), { minLength: 0, maxLength: 3 })
const named = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
  try {
    return await run()
  } catch (error) {
    if (error instanceof TrialViolation) error.message = `${error.message}\n  file: ${what}`
    throw error
  }
}

const opmlDamage = xmlMutation({ container: 'body', element: 'outline', titled: 'outline', attribute: 'xmlUrl' })
const feedDamage = fc.oneof(xmlMutation({ container: 'channel', element: 'item', titled: 'title' }), xmlMutation({ container: 'feed', element: 'entry', titled: 'title' }))

describe('hostile files: OPML, feeds and bundles', () => {
  let files: FilesCore
  let server: FeedTestServer
  const opmlSeeds: Seed[] = fixtureSeeds('feeds/opml/fixtures', ['.opml'])
  const feedSeeds: Seed[] = fixtureSeeds('feeds/fixtures', ['.xml', '.rdf']).filter((seed) => !/entity-bomb|xxe/.test(seed.name))
  let bundleSeed: Uint8Array

  beforeAll(async () => {
    const source = await FilesCore.start()
    bundleSeed = (await seedFromProfile(source)).bundle
    await source.shutdown()
    server = await FeedTestServer.start()
    // Short timeouts: the server answers at once, and a hang must show as a failed trial, not a stuck test.
    files = await FilesCore.start({ feedFetch: { connectTimeoutMs: 2_000, responseTimeoutMs: 5_000, deadlineMs: 10_000 } })
  })
  afterAll(async () => {
    await files?.shutdown()
    await server?.close()
  })

  it('OPML: every damaged subscription list is imported whole or refused with a clear error, changing nothing', async () => {
    const outcomes = await fuzzFiles({
      id: 'files-opml',
      tried: 'Feedly/Inoreader/NetNewsWire/Latin-1 OPML cut short, re-encoded, nested past the depth limit, giant titles and addresses, DOCTYPEs, lying encodings, through feeds.importOpml',
      runs: { quick: 40, long: 400 },
      // The salt gives every trial's feeds new addresses, so an intact file imports feeds rather than finding them followed.
      arbitrary: fc.record({ seed: fc.constantFrom(...opmlSeeds), salt: fc.nat(), mutations: damage(opmlDamage) }),
      examples: [
        { seed: opmlSeeds[0]!, salt: 0, mutations: [] },
        { seed: opmlSeeds[0]!, salt: 1, mutations: [{ kind: 'truncate', atPerMille: 500 }] },
      ],
      describe: ({ seed, salt, mutations }) => `${seed.name} (salt ${salt}) → ${describeMutations(mutations)}`,
      trial: ({ seed, salt, mutations }) => named(`${seed.name} (salt ${salt}) → ${describeMutations(mutations)}`, async () => {
        if (files.records > 3_000) {
          await files.shutdown()
          files = await FilesCore.start()
        }
        const salted = Buffer.from(Buffer.from(seed.bytes).toString('latin1').replace(/(xmlUrl="https?:\/\/)/gi, `$1s${salt}.`), 'latin1')
        return opmlTrial(files, applyMutations(salted, mutations))
      }),
    })
    expect(outcomes.imported ?? 0).toBeGreaterThan(0)
    expect(outcomes.refused ?? 0).toBeGreaterThan(0)
  })

  it('feed parser: every damaged feed body is read or refused with a typed reason, never thrown', async () => {
    const outcomes = await fuzzFiles({
      id: 'files-feed-parser',
      tried: 'RSS 2.0/1.0 and Atom bodies cut short, re-encoded, nested past the depth limit, giant texts, entities, lying encodings, given to parseFeed',
      runs: { quick: 120, long: 3_000 },
      arbitrary: fc.record({ seed: fc.constantFrom(...feedSeeds), mutations: damage(feedDamage) }),
      examples: [
        { seed: feedSeeds[0]!, mutations: [] },
        { seed: feedSeeds[0]!, mutations: [{ kind: 'truncate', atPerMille: 500 }] },
      ],
      describe: ({ seed, mutations }) => `${seed.name} → ${describeMutations(mutations)}`,
      trial: ({ seed, mutations }) => named(`${seed.name} → ${describeMutations(mutations)}`, async () => parseFeedTrial(applyMutations(seed.bytes, mutations))),
    })
    expect(outcomes.parsed ?? 0).toBeGreaterThan(0)
    expect(Object.keys(outcomes).some((outcome) => outcome.startsWith('refused'))).toBe(true)
  })

  it('feeds: a damaged feed served over HTTP refreshes whole or fails with a clear error, keeping the cached items', async () => {
    const feed = await FuzzedFeed.follow(files, server)
    const outcomes = await fuzzFiles({
      id: 'files-feeds',
      tried: 'the same damaged feeds served by a local HTTP server and fetched with feeds.refresh, checking the cache and the error shown',
      runs: { quick: 30, long: 300 },
      arbitrary: fc.record({ seed: fc.constantFrom(...feedSeeds), mutations: damage(feedDamage) }),
      examples: [
        { seed: feedSeeds[0]!, mutations: [] },
        { seed: feedSeeds[0]!, mutations: [{ kind: 'truncate', atPerMille: 500 }] },
      ],
      describe: ({ seed, mutations }) => `${seed.name} → ${describeMutations(mutations)}`,
      trial: ({ seed, mutations }) => named(`${seed.name} → ${describeMutations(mutations)}`, () => feed.trial(applyMutations(seed.bytes, mutations))),
    })
    expect(outcomes.refreshed ?? 0).toBeGreaterThan(0)
    expect(Object.keys(outcomes).some((outcome) => outcome.startsWith('refused'))).toBe(true)
  })

  it('bundles: every damaged bundle is imported whole or refused with a clear error, changing nothing', async () => {
    const parts = partsOf(bundleSeed)
    const edits = bundleEdit({ workspace: files.internals.ctx.workspace.documentId })
    const outcomes = await fuzzFiles({
      id: 'files-bundle',
      tried: 'note bundles cut short, bytes flipped, and resealed with damaged metadata (giant, wrong kind, foreign or this profile’s workspace id, deep JSON), damaged or wrongly shaped documents, through bundles.import',
      runs: { quick: 40, long: 500 },
      arbitrary: fc.record({ edits: fc.array(edits, { minLength: 0, maxLength: 2 }), after: fc.array(byteMutation, { maxLength: 1 }) }),
      examples: [
        { edits: [], after: [] },
        { edits: [], after: [{ kind: 'truncate', atPerMille: 500 }] },
      ],
      describe: ({ edits: chosen, after }) => `${describeEdits(chosen)}${after.length > 0 ? ` then ${describeMutations(after)}` : ''}`,
      trial: ({ edits: chosen, after }) =>
        named(`${describeEdits(chosen)}${after.length > 0 ? ` then ${describeMutations(after)}` : ''}`, () =>
          bundleTrial(files, applyMutations(seal(chosen.reduce(applyBundleEdit, parts)), after)),
        ),
    })
    expect((outcomes.added ?? 0) + (outcomes.merged ?? 0)).toBeGreaterThan(0)
    expect(Object.keys(outcomes).some((outcome) => outcome.startsWith('refused'))).toBe(true)
  })
})

function describeEdits(edits: readonly BundleEdit[]): string {
  if (edits.length === 0) return 'the valid bundle'
  return edits
    .map((edit) => {
      switch (edit.part) {
        case 'metadata':
          return `metadata.${edit.name} = ${JSON.stringify(edit.value)?.slice(0, 60)}`
        case 'metadata-text':
          return `metadata ${edit.name}`
        case 'automerge-bytes':
          return `document bytes ${describeMutations([edit.damage])}`
        case 'document':
          return `document: ${edit.name}`
        case 'version':
          return `version ${edit.version}`
      }
    })
    .join(' → ')
}
