import type { HandlersFor } from '@shared/api'
import type { reflectionArgs } from '@shared/api/reflection'
import type { CoreContext } from './CoreContext'

type ReflectionMethod = keyof typeof reflectionArgs

export function reflectionHandlers(_ctx: CoreContext) {
  return {} satisfies HandlersFor<ReflectionMethod>
}
