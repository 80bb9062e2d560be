import type { Database } from 'better-sqlite3'
import type { DashboardSummary } from '@shared/api/dashboard'
import { ContactsQueries } from '../index/network/ContactsQueries'
import { InteractionsQueries } from '../index/network/InteractionsQueries'

/** Rows the panel lists of each (the totals count them all). */
export const keepingInTouchLimit = 10

/** The keeping-in-touch overview on `today`, from the same queries as the losing-touch screen. */
export function keepingInTouchPanel(db: Database, today: string): DashboardSummary['keepingInTouch'] {
  const losingTouch = new ContactsQueries(db).losingTouch(today, keepingInTouchLimit)
  const followUps = new InteractionsQueries(db).followUpsDue(today, keepingInTouchLimit)
  return {
    losingTouchTotal: losingTouch.total,
    followUpsDueTotal: followUps.total,
    losingTouch: losingTouch.rows.map(({ contact, daysOverdue }) => ({
      contact: { id: contact.id, name: contact.name },
      daysOverdue,
      lastInteractionOn: contact.lastInteractionOn,
    })),
    followUpsDue: followUps.rows.map(({ interaction, daysOverdue }) => ({
      interactionId: interaction.id,
      date: interaction.date,
      summary: interaction.summary,
      contacts: interaction.contacts,
      daysOverdue,
    })),
  }
}
