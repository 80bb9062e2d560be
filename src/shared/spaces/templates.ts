import * as A from '@automerge/automerge'
import type { ProjectTemplateId } from './ProjectDoc'

/**
 * The starting body of a new project, as Automerge rich-text spans in the shapes the editor's
 * schema writes (block markers for headings, paragraphs and list items). Section headings come
 * with a short prompt so a teacher sees what goes where; the prompts are ordinary text.
 */
export interface ProjectTemplate {
  id: ProjectTemplateId
  label: string
  description: string
  sections: ReadonlyArray<{ heading: string; prompt: string; checklist?: readonly string[] }>
}

export const projectTemplates: readonly ProjectTemplate[] = [
  { id: 'blank', label: 'Blank project', description: 'An empty page.', sections: [] },
  {
    id: 'lesson-plan',
    label: 'Lesson plan',
    description: 'One lesson: objectives to reflection.',
    sections: [
      { heading: 'Objectives', prompt: 'By the end of the lesson, students will be able to…' },
      { heading: 'Standards', prompt: 'Curriculum standards this lesson addresses.' },
      { heading: 'Materials', prompt: 'What to prepare.', checklist: ['Slides', 'Handouts'] },
      { heading: 'Activities', prompt: 'Starter, main activity and plenary, with timings.' },
      { heading: 'Assessment', prompt: 'How you will know they learned it.' },
      { heading: 'Differentiation', prompt: 'Support and stretch for different learners.' },
      { heading: 'Reflection', prompt: 'After teaching: what worked, what to change.' },
    ],
  },
  {
    id: 'unit-plan',
    label: 'Unit plan',
    description: 'A sequence of lessons around big ideas.',
    sections: [
      { heading: 'Big ideas', prompt: 'The enduring understandings of this unit.' },
      { heading: 'Essential questions', prompt: 'Questions that drive the unit.' },
      { heading: 'Standards', prompt: 'Curriculum standards the unit covers.' },
      { heading: 'Lesson sequence', prompt: 'Lesson by lesson, one line each.' },
      { heading: 'Summative assessment', prompt: 'The task that shows what students learned.' },
      { heading: 'Resources', prompt: 'Texts, tools and links for the unit.' },
      { heading: 'Reflection', prompt: 'What to keep and change next time.' },
    ],
  },
  {
    id: 'workshop',
    label: 'Workshop',
    description: 'Professional learning for colleagues.',
    sections: [
      { heading: 'Audience and goals', prompt: 'Who it is for and what they take away.' },
      { heading: 'Agenda', prompt: 'Timed outline of the session.' },
      { heading: 'Activities', prompt: 'What participants do, not just hear.' },
      { heading: 'Materials', prompt: 'What to bring or send beforehand.', checklist: ['Sign-in sheet', 'Slides'] },
      { heading: 'Follow-up', prompt: 'How participants keep going afterwards.' },
    ],
  },
]

export function projectTemplate(id: ProjectTemplateId): ProjectTemplate {
  const template = projectTemplates.find((t) => t.id === id)
  if (!template) throw new Error(`Unknown project template ${id}`)
  return template
}

/** A block marker as the editor writes it: @automerge/prosemirror reads type and parents only as ImmutableString. */
function block(type: string, attrs: Record<string, A.MaterializeValue> = {}): A.Span {
  return { type: 'block', value: { type: new A.ImmutableString(type), parents: [], attrs, isEmbed: false } }
}

/** The body spans a project starts with. A blank project is one empty paragraph. */
export function templateSpans(id: ProjectTemplateId): A.Span[] {
  const template = projectTemplate(id)
  if (template.sections.length === 0) return [block('paragraph')]
  const spans: A.Span[] = []
  for (const section of template.sections) {
    spans.push(block('heading', { level: 2 }), { type: 'text', value: section.heading })
    spans.push(block('paragraph'), { type: 'text', value: section.prompt })
    for (const item of section.checklist ?? []) spans.push(block('task-list-item', { checked: false }), { type: 'text', value: item })
  }
  return spans
}
