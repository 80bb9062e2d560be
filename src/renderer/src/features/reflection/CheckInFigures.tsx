import { SimpleGrid, Text } from '@mantine/core'
import { checkInFigureLabels, checkInFigureNames } from '@shared/api/reflection'
import classes from './Reflection.module.css'

/** The known figures in the form's order, then any a newer version stored, by their own name. */
function orderedFigures(figures: Record<string, number>): Array<{ name: string; label: string; value: number }> {
  const known = checkInFigureNames.filter((name) => figures[name] !== undefined).map((name) => ({ name, label: checkInFigureLabels[name], value: figures[name]! }))
  const others = Object.keys(figures)
    .filter((name) => !(checkInFigureNames as readonly string[]).includes(name))
    .sort()
    .map((name) => ({ name, label: name, value: figures[name]! }))
  return [...known, ...others]
}

/** A check-in's figures as a description list (name, then value). */
export function CheckInFigures({ figures }: { figures: Record<string, number> }) {
  const shown = orderedFigures(figures)
  if (shown.length === 0) return <Text size="sm" c="dimmed">No figures for this period.</Text>
  return (
    <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="xs" verticalSpacing="xs" className={classes.figures} data-testid="check-in-figures">
      {shown.map((figure) => (
        <div key={figure.name} className={classes.figure}>
          <Text component="dt" size="xs" c="dimmed">
            {figure.label}
          </Text>
          <Text component="dd" fw={700} size="lg" m={0}>
            {figure.name === 'inPersonSharePercent' ? `${figure.value}%` : figure.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  )
}
