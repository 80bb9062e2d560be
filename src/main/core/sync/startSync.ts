import type { CoreSync, LanDiscoveryTuning } from './CoreSync'

/** Where a device accepts paired devices, and the pairing door next to it, when the ports are free. */
export const defaultSyncPort = 47110

export interface SyncListenOptions {
  host: string
  /** 'default': 47110 (and 47111 for pairing) when free, else any free ports; a number must be free. */
  port: number | 'default'
  pairingPort: number | 'default'
  lanDiscovery?: boolean | LanDiscoveryTuning
}

/** Starts sync on the usual ports, or on any free ones when those are taken (a second profile on the same machine). */
export async function startSync(sync: CoreSync, options: SyncListenOptions): Promise<{ port: number; pairingPort: number }> {
  const port = options.port === 'default' ? defaultSyncPort : options.port
  const pairingPort = options.pairingPort === 'default' ? (port === 0 ? 0 : port + 1) : options.pairingPort
  try {
    return await sync.start({ host: options.host, port, pairingPort, lanDiscovery: options.lanDiscovery })
  } catch (error) {
    await sync.stop()
    const inUse = (error as { code?: unknown } | null)?.code === 'EADDRINUSE'
    if (!inUse || options.port !== 'default' || options.pairingPort !== 'default') throw error
    return sync.start({ host: options.host, port: 0, pairingPort: 0, lanDiscovery: options.lanDiscovery })
  }
}
