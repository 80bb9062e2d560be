import { createHandoff, type Offered } from '../../app/handoff'

/** An invite code handed over by the desktop shell (a staffroom:// link was opened), not yet shown. */
export type PendingInvite = Offered<{ code: string }>

const handoff = createHandoff<{ code: string }>()

/**
 * Carries an opened invite link to the Accept an invite form, which may not be on screen yet (the
 * Devices screen loads first). The form fills it in and takes it; the teacher still presses Accept.
 */
export const pendingInvite = {
  offer: (code: string) => handoff.offer({ code }),
  take: handoff.take,
}

export const usePendingInvite = (): PendingInvite | null => handoff.use()
