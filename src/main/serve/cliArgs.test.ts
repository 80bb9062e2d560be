import { describe, expect, it } from 'vitest'
import { CliUsageError, defaultServePort, parseCliArgs } from './cliArgs'

describe('parseCliArgs', () => {
  it('parses each command and its options', () => {
    const defaultSync = { host: '0.0.0.0', port: 'default', pairingPort: 'default', mdns: true }
    expect(parseCliArgs(['serve', '--data', '/d', '--port', '5000'])).toEqual({ command: 'serve', dataDir: '/d', port: 5000, sync: defaultSync })
    expect(parseCliArgs(['serve', '--port=0'])).toEqual({ command: 'serve', dataDir: undefined, port: 0, sync: defaultSync })
    expect(parseCliArgs(['serve'])).toEqual({ command: 'serve', dataDir: undefined, port: defaultServePort, sync: defaultSync })
    expect(parseCliArgs(['serve', '--sync-port', 'off'])).toMatchObject({ sync: 'off' })
    expect(parseCliArgs(['serve', '--sync-host', '127.0.0.1', '--sync-port', '0', '--pairing-port', '9000'])).toMatchObject({ sync: { host: '127.0.0.1', port: 0, pairingPort: 9000, mdns: false } })
    expect(parseCliArgs(['serve', '--mdns', 'off'])).toMatchObject({ sync: { host: '0.0.0.0', mdns: false } })
    expect(parseCliArgs(['serve', '--sync-host', '192.168.1.20', '--mdns', 'on'])).toMatchObject({ sync: { mdns: true } })
    expect(() => parseCliArgs(['serve', '--mdns', 'maybe'])).toThrow(/bad --mdns 'maybe'/)
    expect(parseCliArgs(['serve', '--device-name', ' Ms Diallo’s laptop '])).toMatchObject({ deviceName: 'Ms Diallo’s laptop' })
    expect(parseCliArgs(['serve'])).not.toHaveProperty('deviceName')
    expect(() => parseCliArgs(['serve', '--device-name', '  '])).toThrow(/needs a name/)
    expect(() => parseCliArgs(['serve', '--device-name', 'x'.repeat(101)])).toThrow(/at most 100/)
    expect(parseCliArgs(['reindex', '--data', '/d'])).toEqual({ command: 'reindex', dataDir: '/d' })
    expect(parseCliArgs(['stats', '--data', '/d', '--json'])).toEqual({ command: 'stats', dataDir: '/d', json: true })
    expect(parseCliArgs(['stats'])).toEqual({ command: 'stats', dataDir: undefined, json: false })
  })

  it('shows help when asked or when no command is given', () => {
    for (const argv of [[], ['--help'], ['-h'], ['help'], ['serve', '--help']]) expect(parseCliArgs(argv)).toEqual({ command: 'help' })
  })

  it('reads the sync commands', () => {
    expect(parseCliArgs(['invite', 'create', '--note', 'n1', '--note', 'n2', '--minutes', '30'])).toEqual({ command: 'invite-create', dataDir: undefined, own: false, noteIds: ['n1', 'n2'], minutes: 30, json: false })
    expect(parseCliArgs(['invite', 'create', '--own', '--json'])).toMatchObject({ command: 'invite-create', own: true, noteIds: [], json: true })
    expect(parseCliArgs(['invite', 'accept', 'SR1.abc'])).toEqual({ command: 'invite-accept', dataDir: undefined, code: 'SR1.abc', json: false })
    expect(parseCliArgs(['devices', '--json'])).toEqual({ command: 'devices', dataDir: undefined, json: true })
    expect(parseCliArgs(['peers'])).toEqual({ command: 'peers', dataDir: undefined, json: false })
    for (const [argv, message] of [
      [['invite'], /say 'create' or 'accept CODE'/],
      [['invite', 'accept'], /needs the code/],
      [['invite', 'create', '--minutes', '2'], /bad --minutes/],
      [['invite', 'create', '--own', '--note', 'n1'], /leave out --note/],
      [['devices', 'extra'], /./],
    ] as const)
      expect(() => parseCliArgs(argv)).toThrow(message)
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
