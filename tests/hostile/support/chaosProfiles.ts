import { join } from 'node:path'
import type { Core } from '../../../src/main/core/Core'
import { createCore } from '../../../src/main/core/createCore'
import { call } from '../../../src/main/core/testing/coreHarness'

/**
 * Makes `count` profiles that are one teacher's devices: the first invites each other one as an
 * own device the real way (pairing door and TLS sync on 127.0.0.1, the invitee adopting its
 * workspace), then the others pin each other too, so every device trusts every other as 'own'
 * and all share one workspace. Done once; each chaos run copies the folders.
 */
export async function pairedProfiles(dir: string, count: number): Promise<string[]> {
  const names = Array.from({ length: count }, (_, i) => `device-${i}`)
  const dirs = names.map((name) => join(dir, name))
  const cores = await Promise.all(dirs.map((dataDir, i) => createCore({ dataDir, deviceName: `Device ${i}` })))
  try {
    await startAll(cores)
    // The first device invites the others: they adopt its workspace (in effect after a restart).
    for (const core of cores.slice(1)) await pair(cores[0]!, core)
    // Then every other pair pins each other as an own device, as accepting such an invite does
    // (their workspace is already the same), so the devices form a full mesh.
    for (const a of cores.slice(1)) for (const b of cores.slice(1)) if (a !== b) a.sync.trusted.pin({ certificatePem: b.sync.identity.certificatePem, name: b.sync.deviceName, relation: 'own' })
  } finally {
    await shutdownAll(cores)
  }
  // The adopted workspace is in effect once each profile is opened again (seedProfiles checks it).
  return dirs
}

async function pair(inviter: Core, invitee: Core): Promise<void> {
  const invite = await call(inviter, 'sync.createInvite', { relation: 'own' })
  await call(invitee, 'sync.acceptInvite', { code: invite.code })
}

async function startAll(cores: Core[]): Promise<void> {
  for (const core of cores) await core.sync.start({ host: '127.0.0.1' })
}

async function shutdownAll(cores: Core[]): Promise<void> {
  for (const core of cores) await core.shutdown()
}
