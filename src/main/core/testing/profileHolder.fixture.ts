// Run in a child process by the profile-lock tests: opens a profile, optionally writes a marker,
// reports what happened on one stdout line, then holds the profile until killed or stdin closes.
import { openDatabase } from '../storage/openDatabase'

const [dataDir, marker] = process.argv.slice(2)
try {
  const db = openDatabase({ dataDir: dataDir! })
  if (marker) db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('marker', marker)
  process.stdout.write('opened\n')
  process.stdin.resume()
  process.stdin.on('end', () => {
    db.close()
    process.exit(0)
  })
} catch (error) {
  const { code, message } = error as { code?: string; message?: string }
  process.stdout.write(`${JSON.stringify({ code, message })}\n`)
  process.exit(3)
}
