// The interrupted-upgrade child: opens an old profile with the current core (the migrations run)
// between saying OPENING and OPENED, then stays open (the indexers keep working) until the parent kills it.
import { openCore } from '../../../src/main/core/createCore'

const [dataDir] = process.argv.slice(2)
// Started without a profile: the parent only wanted the bundle built.
if (!dataDir) process.exit(0)
// If the parent dies, so does this child.
process.stdin.on('end', () => process.exit(2))
process.stdin.resume()
setTimeout(() => process.exit(2), 60_000).unref()

process.stdout.write('OPENING\n')
await openCore({ dataDir, shell: 'node' })
process.stdout.write('OPENED\n')
