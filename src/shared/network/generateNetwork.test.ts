import { expect, it } from 'vitest'
import { generateNetwork } from './generateNetwork'
import { fieldsByKind } from './records'

it('is deterministic per seed and differs between seeds', () => {
  const size = { seed: 7, contacts: 50, interactions: 300 }
  expect(generateNetwork(size)).toEqual(generateNetwork(size))
  expect(generateNetwork({ ...size, seed: 8 }).contacts[0]).not.toEqual(generateNetwork(size).contacts[0])
})

it('produces valid records of every kind, with links that resolve', () => {
  const network = generateNetwork({ seed: 1, contacts: 200, interactions: 2000, today: '2026-06-30' })
  const contactIds = new Set(network.contacts.map((c) => c.id))
  expect(network.contacts).toHaveLength(200)
  expect(network.interactions).toHaveLength(2000)
  expect(new Set(network.interactions.map((i) => i.id)).size).toBe(2000)
  for (const [kind, records] of [
    ['contact', network.contacts],
    ['interaction', network.interactions],
    ['community', network.communities],
    ['event', network.events],
    ['goal', network.goals],
    ['journal', network.journal],
    ['resource', network.resources],
    ['reading', network.readings],
  ] as const) {
    expect(records.length).toBeGreaterThan(0)
    for (const record of records) expect(fieldsByKind[kind].safeParse(record).success, `${kind} ${record.id}`).toBe(true)
  }
  for (const interaction of network.interactions) {
    for (const id of interaction.contactIds) expect(contactIds.has(id)).toBe(true)
    expect(interaction.date <= '2026-06-30').toBe(true)
  }
})

it('draws resources and readings after everything else, so a seed keeps its other records', () => {
  const size = { seed: 3, contacts: 80, interactions: 600 }
  const { resources, readings, ...rest } = generateNetwork(size)
  const without = generateNetwork({ ...size, resources: 0, readings: 0 })
  expect(without.resources).toEqual([])
  expect(without.readings).toEqual([])
  expect({ ...without, resources: undefined, readings: undefined }).toEqual({ ...rest, resources: undefined, readings: undefined })
  expect(resources.length).toBeGreaterThan(0)
  expect(readings.length).toBeGreaterThan(0)
  for (const item of readings) {
    if (item.status === 'read' || item.status === 'applied') expect(item.readOn! >= item.addedOn).toBe(true)
    if (item.appliedOn !== null) expect(item.appliedOn >= item.readOn!).toBe(true)
  }
})
