import type { HandlersFor, ProfileStats } from '@shared/api'
import type { systemArgs } from '@shared/api/system'
import packageJson from '../../../../package.json'

type SystemMethod = keyof typeof systemArgs

export interface SystemInfoSource {
  dataDir: string
  workspaceUrl: string
  shell: 'electron' | 'serve' | 'node'
  stats(): ProfileStats
}

export function systemHandlers(source: SystemInfoSource) {
  return {
    'system.info': () => ({
      version: packageJson.version,
      dataDir: source.dataDir,
      workspaceUrl: source.workspaceUrl,
      shell: source.shell,
    }),
    'system.stats': () => source.stats(),
  } satisfies HandlersFor<SystemMethod>
}
