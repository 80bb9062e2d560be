import { seededRandom } from '@shared/seededRandom'

/**
 * Deterministic teacher-style notes for the search workload: a title and a few sentences drawn
 * from a school vocabulary (seeded, so every run and both variants search the same text), plus a
 * handful of planted notes with a rare term the queries must find.
 */
const subjects = ['fractions', 'photosynthesis', 'persuasive writing', 'volcanoes', 'the water cycle', 'algebra', 'poetry', 'electricity', 'the Romans', 'forces', 'map skills', 'probability', 'grammar', 'ecosystems', 'French verbs', 'coding']
const activities = ['starter quiz', 'group discussion', 'worksheet', 'practical experiment', 'reading task', 'peer marking', 'mini whiteboards', 'exit ticket', 'homework review', 'field trip', 'role play', 'debate']
const words = ['lesson', 'pupils', 'assessment', 'objectives', 'differentiation', 'feedback', 'resources', 'parents', 'behaviour', 'marking', 'planning', 'revision', 'homework', 'curriculum', 'inspection', 'assembly', 'timetable', 'progress', 'support', 'colleague', 'observation', 'scaffolding', 'vocabulary', 'misconceptions', 'extension', 'plenary', 'reflection', 'classroom', 'library', 'intervention']

/** The rare term planted in `plantedNotes` (and nowhere else). */
export const rareTerm = 'zymurgy'
/** Indices of the notes that mention the rare term. */
export function plantedNotes(count: number): number[] {
  return [7, Math.floor(count / 3), count - 5]
}

export interface CorpusNote {
  title: string
  body: string
}

/** Note `i` of a corpus of `count` notes: same text for the same (i, count). */
export function corpusNote(i: number, count: number): CorpusNote {
  const random = seededRandom(i * 2654435761 + 17)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const subject = pick(subjects)
  const sentences: string[] = []
  const n = 3 + Math.floor(random() * 4)
  for (let s = 0; s < n; s++) {
    const chosen = Array.from({ length: 6 + Math.floor(random() * 6) }, () => pick(words))
    sentences.push(`${pick(activities)} on ${pick(subjects)}: ${chosen.join(' ')}.`)
  }
  if (plantedNotes(count).includes(i)) sentences.push(`Borrowed the ${rareTerm} kit from the science department.`)
  return { title: `Lesson ${i} – ${subject}`, body: sentences.join(' ') }
}
