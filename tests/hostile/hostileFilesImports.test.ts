import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportFormat } from '@shared/api/io'
import { applyMutations, describeMutations, genericMutation, type Mutation } from './support/fileMutations'
import { FilesCore } from './support/filesCore'
import { csvSeeds, fixtureSeeds, seedFromProfile } from './support/filesSeeds'
import { fuzzFiles } from './support/fuzzFiles'
import { backupMutation, csvMutation, vcardMutation } from './support/importMutations'
import { runImportTrial, TrialViolation } from './support/importTrial'

/**
 * Hostile files, part 1 (docs/RELIABILITY.md §4): vCard, CSV and JSON backup files, damaged at
 * random, through the same io.previewImport / io.remapImport / io.commitImport calls the UI
 * makes, on a real core with a real SQLite profile. Each file is either imported whole or refused
 * with a typed error and a message for a person, changing nothing; the core always answers.
 */

type Seed = { name: string; bytes: Uint8Array }

/** Up to three mutations (none: the valid seed itself must import), generic or format-aware. */
const damage = (formatMutation: fc.Arbitrary<Mutation>) => fc.array(fc.oneof({ arbitrary: genericMutation, weight: 1 }, { arbitrary: formatMutation, weight: 2 }), { minLength: 0, maxLength: 3 })

describe('hostile files: imports', () => {
  let files: FilesCore
  const seeds: Record<ImportFormat, Seed[]> = { vcard: [], csv: [], backup: [] }

  beforeAll(async () => {
    const source = await FilesCore.start()
    const exported = await seedFromProfile(source)
    await source.shutdown()
    seeds.vcard = fixtureSeeds('io/fixtures', ['.vcf'])
    seeds.csv = [...csvSeeds, { name: 'staffroom-export.csv', bytes: exported.csv }]
    seeds.backup = [{ name: 'staffroom-backup.json', bytes: exported.backup }]
    files = await FilesCore.start()
  })
  afterAll(async () => {
    await files?.shutdown()
  })

  const cases: Array<{ format: ImportFormat; id: string; tried: string; mutation: (files: FilesCore) => fc.Arbitrary<Mutation>; runs: { quick: number; long: number } }> = [
    {
      format: 'vcard',
      id: 'files-vcard',
      tried: 'vCard 2.1/3.0/4.0 exports cut short, bytes flipped, re-encoded, giant and repeated properties, nested cards, through preview and commit',
      mutation: () => vcardMutation,
      runs: { quick: 40, long: 600 },
    },
    {
      format: 'csv',
      id: 'files-csv',
      tried: 'Google/Outlook/Staffroom CSVs cut short, re-encoded, giant cells, 1,000+ columns, stray and nested quotes, other separators, through preview, re-map and commit',
      mutation: () => csvMutation,
      runs: { quick: 30, long: 400 },
    },
    {
      format: 'backup',
      id: 'files-backup',
      tried: 'JSON backups cut short, re-encoded, deep nesting, giant, missing, repeated and wrongly typed fields, damaged note documents, through preview and commit',
      mutation: (core) => backupMutation({ workspace: core.internals.ctx.workspace.documentId }),
      runs: { quick: 40, long: 600 },
    },
  ]

  for (const { format, id, tried, mutation, runs } of cases) {
    it(`${format}: every damaged file is imported whole or refused with a clear error, changing nothing`, async () => {
      const outcomes = await fuzzFiles({
        id,
        tried,
        runs,
        arbitrary: fc.record({ seed: fc.constantFrom(...seeds[format]), mutations: damage(mutation(files)) }),
        examples: [
          { seed: seeds[format][0]!, mutations: [] },
          { seed: seeds[format][0]!, mutations: [{ kind: 'truncate', atPerMille: 0 }] },
        ],
        describe: ({ seed, mutations }) => `${seed.name} → ${describeMutations(mutations)}`,
        trial: async ({ seed, mutations }) => {
          // A profile that has grown large makes every later trial slower, not harder: start afresh.
          if (files.records > 1_500) {
            await files.shutdown()
            files = await FilesCore.start()
          }
          try {
            return await runImportTrial(files, format, applyMutations(seed.bytes, mutations))
          } catch (error) {
            if (error instanceof TrialViolation) error.message = `${error.message}\n  file: ${seed.name} → ${describeMutations(mutations)}`
            throw error
          }
        },
      })
      // The fuzzing must reach both sides, or it is testing less than it says.
      expect(outcomes.imported ?? 0).toBeGreaterThan(0)
      expect(Object.keys(outcomes).some((outcome) => outcome.startsWith('refused'))).toBe(true)
    })
  }
})
