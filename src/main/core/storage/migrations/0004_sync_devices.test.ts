import BetterSqlite3 from 'better-sqlite3'
import { expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migrations } from '.'

it('0004 adds one identity row at most and trusted devices with a checked relation', () => {
  const db = new BetterSqlite3(':memory:')
  migrate(db, migrations.slice(0, 3))
  expect(migrate(db, migrations.slice(0, 4))).toEqual({ from: 3, to: 4 })
  const identity = db.prepare(
    `INSERT INTO device_identity (id, device_id, certificate_pem, private_key, key_protection, created_at) VALUES (1, 'D', 'pem', x'01', 'plain', 1)`,
  )
  identity.run()
  expect(() => db.prepare(`INSERT INTO device_identity (id, device_id, certificate_pem, private_key, key_protection, created_at) VALUES (2, 'E', 'pem', x'01', 'plain', 1)`).run()).toThrow(/CHECK/)
  const trust = db.prepare(`INSERT INTO trusted_devices (device_id, certificate_pem, name, relation, paired_at) VALUES (?, 'pem', 'Laptop', ?, 1)`)
  trust.run('A', 'own')
  expect(() => trust.run('B', 'stranger')).toThrow(/CHECK/)
  expect(db.prepare('SELECT addresses_json, revoked_at FROM trusted_devices').get()).toEqual({ addresses_json: '[]', revoked_at: null })
  db.close()
})
