import { join } from 'node:path'
import { call } from '../../../src/main/core/testing/coreHarness'
import { eventually } from '../../../src/main/core/testing/eventually'
import { ChaosCluster } from './chaosCluster'
import { contentSnapshot, divergentDocuments, headsByDocument } from './chaosConvergence'

/**
 * Gives the paired devices something to edit from the first step: notes, contacts, an
 * interaction and a project, made on the first device and synced to all over a calm chaos
 * network. Returns the seeded profiles (copies in `dir`), which every run copies again.
 */
export async function seedProfiles(pairedDirs: string[], dir: string): Promise<string[]> {
  const cluster = await ChaosCluster.open(pairedDirs, dir)
  try {
    const workspaces = new Set(cluster.cores().map((c) => c.workspaceUrl))
    if (workspaces.size !== 1) throw new Error(`the paired devices have ${workspaces.size} workspaces, not one`)
    cluster.network.setAutoDelivery(true)
    const core = cluster.core(0)
    for (const title of ['Year 7 forces', 'Parents evening']) await call(core, 'notes.create', { title })
    const { contact } = await call(core, 'contacts.create', { fields: { name: 'Amara Okafor' } })
    await call(core, 'contacts.create', { fields: { name: 'Émile Laurent' } })
    await call(core, 'interactions.log', { fields: { date: '2026-01-15', contactIds: [contact.id], mode: 'online' } })
    await call(core, 'projects.create', { title: 'Forces unit', template: 'blank' })
    await eventually(async () => {
      if (divergentDocuments(await headsByDocument(cluster.cores())).length > 0) return false
      const snapshots = await Promise.all(cluster.cores().map((c) => contentSnapshot(c)))
      return snapshots.every((s) => s === snapshots[0])
    }, 30_000, 50)
  } finally {
    await cluster.close()
  }
  return pairedDirs.map((_, i) => join(dir, `device-${i}`))
}
