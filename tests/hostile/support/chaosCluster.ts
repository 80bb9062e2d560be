import { cpSync } from 'node:fs'
import { join } from 'node:path'
import type { Repo } from '@automerge/automerge-repo'
import type { Core } from '../../../src/main/core/Core'
import { createCore } from '../../../src/main/core/createCore'
import { connectRenderer } from '../../../src/main/core/testing/coreHarness'
import { eventually } from '../../../src/main/core/testing/eventually'
import { ChaosNetwork } from './chaosNetwork'

interface Device {
  name: string
  dataDir: string
  core: Core
  /** The renderer's Repo (as the note editor uses it), made on first body edit, gone at restart. */
  renderer?: { repo: Repo; close: () => Promise<void> }
}

/**
 * Real cores on copies of paired profiles, linked only through a ChaosNetwork (the TLS sync
 * service is never started). A restart shuts a core down and opens the same profile again.
 */
export class ChaosCluster {
  readonly network = new ChaosNetwork()
  restarts = 0

  private constructor(private readonly devices: Device[]) {}

  /** Copies the paired profiles into `runDir` and opens a core on each, all links up. */
  static async open(pairedDirs: string[], runDir: string): Promise<ChaosCluster> {
    const devices: Device[] = []
    for (const [i, source] of pairedDirs.entries()) {
      const dataDir = join(runDir, `device-${i}`)
      cpSync(source, dataDir, { recursive: true })
      devices.push({ name: `device-${i}`, dataDir, core: await createCore({ dataDir }) })
    }
    const cluster = new ChaosCluster(devices)
    for (const device of devices) cluster.network.online(device.name, device.core.repo)
    return cluster
  }

  get size(): number {
    return this.devices.length
  }

  name(index: number): string {
    return this.devices[index]!.name
  }

  core(index: number): Core {
    return this.devices[index]!.core
  }

  cores(): Core[] {
    return this.devices.map((d) => d.core)
  }

  /**
   * The device's renderer Repo, once connected to its core, as the editor is before it opens a
   * note: the MessageChannel adapter declares itself ready after 100 ms even without its peer
   * (a loaded machine), and a find then would find no one to ask.
   */
  async renderer(index: number): Promise<Repo> {
    const device = this.devices[index]!
    device.renderer ??= connectRenderer(device.core)
    const { repo } = device.renderer
    await eventually(() => repo.peers.length > 0, 10_000, 5)
    return repo
  }

  /** Shuts the core down (its connections drop, in-flight messages are lost) and opens the profile again. */
  async restart(index: number): Promise<void> {
    const device = this.devices[index]!
    this.network.offline(device.name)
    await this.closeRenderer(device)
    await device.core.shutdown()
    device.core = await createCore({ dataDir: device.dataDir })
    this.network.online(device.name, device.core.repo)
    this.restarts++
  }

  async close(): Promise<void> {
    for (const device of this.devices) {
      this.network.offline(device.name)
      await this.closeRenderer(device)
      await device.core.shutdown()
    }
  }

  private async closeRenderer(device: Device): Promise<void> {
    const renderer = device.renderer
    device.renderer = undefined
    await renderer?.close()
  }
}
