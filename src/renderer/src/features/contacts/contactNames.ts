import type { ApiClient } from '@shared/api/ApiClient'

/** Names of contacts seen in lists, so a picker can label chosen ids without asking again. */
const known = new Map<string, string>()

export function rememberContactNames(rows: Array<{ id: string; name: string }>) {
  for (const row of rows) known.set(row.id, row.name)
}

/** Names for these ids, from what lists showed or else from contacts.get. */
export async function contactNames(api: ApiClient, ids: string[]): Promise<Map<string, string>> {
  const missing = ids.filter((id) => !known.has(id))
  await Promise.all(
    missing.map(async (id) => {
      const result = await api.call('contacts.get', { id, recentInteractions: 0 })
      known.set(id, result.ok ? result.value.contact.name : 'Unknown contact')
    }),
  )
  return new Map(ids.map((id) => [id, known.get(id) ?? 'Unknown contact']))
}
