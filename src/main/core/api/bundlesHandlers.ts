import type { HandlersFor } from '@shared/api'
import type { bundlesArgs } from '@shared/api/bundles'
import packageJson from '../../../../package.json'
import { exportBundleFile, importBundleBase64 } from '../bundles/bundles'
import type { CoreContext } from './CoreContext'

type BundlesMethod = keyof typeof bundlesArgs

/** Offline bundles: export one note to a file, import one (merging with the copy here). */
export function bundlesHandlers(ctx: CoreContext) {
  const source = () => ({ deviceId: ctx.sync.identity.deviceId, deviceName: ctx.sync.deviceName, appVersion: packageJson.version })
  return {
    'bundles.export': ({ documentId }) => exportBundleFile(ctx, source(), documentId),
    'bundles.import': ({ base64 }) => importBundleBase64(ctx, base64),
  } satisfies HandlersFor<BundlesMethod>
}
