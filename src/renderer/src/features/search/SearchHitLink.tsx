import { Text, UnstyledButton } from '@mantine/core'
import type { SearchHit } from '@shared/api/notes'
import { Snippet, snippetText } from '../../components/Snippet'
import classes from './SearchView.module.css'

export function SearchHitLink({ hit, href, current }: { hit: SearchHit; href: string; current: boolean }) {
  return (
    <UnstyledButton component="a" href={href} className={classes.hit} aria-current={current ? 'page' : undefined}>
      <Text fw={600} size="sm" truncate="end">
        {snippetText(hit.title).trim() ? <Snippet parts={hit.title} /> : 'Untitled note'}
      </Text>
      {hit.snippet.length ? (
        <Text size="xs" c="dimmed" lineClamp={3}>
          <Snippet parts={hit.snippet} />
        </Text>
      ) : null}
    </UnstyledButton>
  )
}
