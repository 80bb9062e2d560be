import { describe, expect, it } from 'vitest'
import { CliUsageError, defaultServePort, parseCliArgs } from './cliArgs'

describe('parseCliArgs', () => {
  it('parses each command and its options', () => {
    expect(parseCliArgs(['serve', '--data', '/d', '--port', '5000'])).toEqual({ command: 'serve', dataDir: '/d', port: 5000 })
    expect(parseCliArgs(['serve', '--port=0'])).toEqual({ command: 'serve', dataDir: undefined, port: 0 })
    expect(parseCliArgs(['serve'])).toEqual({ command: 'serve', dataDir: undefined, port: defaultServePort })
    expect(parseCliArgs(['reindex', '--data', '/d'])).toEqual({ command: 'reindex', dataDir: '/d' })
    expect(parseCliArgs(['stats', '--data', '/d', '--json'])).toEqual({ command: 'stats', dataDir: '/d', json: true })
    expect(parseCliArgs(['stats'])).toEqual({ command: 'stats', dataDir: undefined, json: false })
  })

  it('shows help when asked or when no command is given', () => {
    for (const argv of [[], ['--help'], ['-h'], ['help'], ['serve', '--help']]) expect(parseCliArgs(argv)).toEqual({ command: 'help' })
  })

  it('refuses unknown commands, unknown options, stray words and bad ports with one line', () => {
    const cases: Array<[string[], RegExp]> = [
      [['launch'], /^unknown command 'launch'/],
      [['stats', '--jsn'], /^stats: Unknown option '--jsn'/],
      [['reindex', 'now'], /^reindex: /],
      [['serve', '--port', 'abc'], /^bad port 'abc'/],
      [['serve', '--port', '70000'], /^bad port '70000'/],
      [['serve', '--port', '-1'], /./],
      [['serve', '--data', ''], /^--data needs a folder/],
    ]
    for (const [argv, message] of cases) {
      let caught: unknown
      try {
        parseCliArgs(argv)
      } catch (error) {
        caught = error
      }
      expect(caught, argv.join(' ')).toBeInstanceOf(CliUsageError)
      expect((caught as Error).message).toMatch(message)
      expect((caught as Error).message).not.toContain('\n')
    }
  })
})
