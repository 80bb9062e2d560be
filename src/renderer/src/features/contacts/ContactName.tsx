import { Anchor } from '@mantine/core'
import { useEffect, useState } from 'react'
import { formatRoute } from '../../app/route'
import { useApi } from '../../platform/PlatformContext'
import { contactNames } from './contactNames'

/** A link to a contact by id, showing their name once known. */
export function ContactName({ id }: { id: string }) {
  const api = useApi()
  const [name, setName] = useState<string | undefined>()
  useEffect(() => {
    let cancelled = false
    void contactNames(api, [id]).then((names) => {
      if (!cancelled) setName(names.get(id))
    })
    return () => {
      cancelled = true
    }
  }, [api, id])
  return (
    <Anchor href={formatRoute({ section: 'contacts', recordId: id })} size="sm">
      {name ?? '…'}
    </Anchor>
  )
}
