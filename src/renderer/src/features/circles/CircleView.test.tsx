import type { CircleMeetupView, CircleThreadView, CircleView as CircleViewData } from '@shared/api/circles'
import type { PairedDevice, SyncStatusView } from '@shared/api/sync'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { localToIsoWithOffset } from './circleText'
import { CircleView } from './CircleView'

afterEach(() => vi.restoreAllMocks())

const me = 'A'.repeat(52)
const colleague = 'B'.repeat(52)
const stranger = 'C'.repeat(52)
const ownDevice = 'D'.repeat(52)

const thread: CircleThreadView = {
  id: 't1',
  title: 'Best practical for forces?',
  body: 'Ideas welcome <img src=x onerror="alert(1)">',
  author: colleague,
  authorName: 'Mr Okafor',
  createdAt: 1,
  lastActivityAt: 2,
  replies: [{ id: 'r1', author: me, authorName: 'Ms Diallo', body: 'Trolleys down ramps.', createdAt: 2, reactions: [], canDelete: true }],
  reactions: [{ emoji: '👍', count: 2, mine: false }],
  canDelete: true,
}

const meetup: CircleMeetupView = { id: 'm1', title: 'Forces practicals', startsAt: '2099-02-10T16:00:00Z', endsAt: '2099-02-10T17:00:00Z', place: 'Hillside lab 3', onlineUrl: null, rsvpCounts: { yes: 2, maybe: 1, no: 0 }, myRsvp: null, past: false, createdBy: colleague }

function circle(partial: Partial<CircleViewData> = {}): CircleViewData {
  return {
    id: 'c1',
    url: 'automerge:c1',
    name: 'Science teachers, North',
    description: 'Termly meetups',
    communityId: null,
    myRole: 'owner',
    myDeviceId: me,
    members: [
      { deviceId: me, name: 'Ms Diallo', role: 'owner', isMe: true },
      { deviceId: colleague, name: 'Mr Okafor', role: 'editor', isMe: false },
    ],
    announcement: { text: 'Bring a lesson that flopped.', authorName: 'Ms Diallo', at: 1 },
    threads: [thread],
    resources: [],
    meetups: [meetup],
    createdAt: 0,
    archivedAt: null,
    readOnlyReason: null,
    ...partial,
  }
}

function paired(deviceId: string, name: string, relation: PairedDevice['relation'] = 'contact'): PairedDevice {
  return { deviceId, shownId: `${deviceId.slice(0, 4)}-${deviceId.slice(4, 8)}`, name, relation, contactId: null, addresses: [], pairedAt: 0, revokedAt: null, lastSeenAt: null, online: true }
}

function syncStatus(devices: PairedDevice[]): SyncStatusView {
  return { deviceId: me, shownId: 'AAAA', deviceName: 'Ms Diallo', listening: null, devices, refusedHandshakes: 0, cutOff: [], relay: { url: null, state: 'offline', lastError: null, relayed: 0 }, workspace: { listed: 0, present: 0 } }
}

function setup(initial: CircleViewData, handlers: Parameters<typeof createFakeApi>[0] = {}) {
  const api = createFakeApi({ 'circles.get': () => ({ ok: true, value: { circle: initial } }), 'spaces.markSeen': () => ({ ok: true, value: { ok: true } }), ...handlers })
  renderWithProviders(<CircleView circleId="c1" />, { platform: createFakePlatform(api) })
  return { api, user: userEvent.setup({ delay: null }) }
}

const argsOf = (api: ReturnType<typeof createFakeApi>, method: string) => api.calls.filter((c) => c.method === method).map((c) => c.args)

describe('CircleView', () => {
  it('pins the announcement above the sections and shows user text as text, never as markup', async () => {
    const { api } = setup(circle())
    expect(await screen.findByRole('heading', { name: 'Science teachers, North' })).toBeTruthy()
    const announcement = screen.getByRole('region', { name: 'Announcement' })
    expect(announcement.textContent).toContain('Bring a lesson that flopped.')
    expect(announcement.compareDocumentPosition(screen.getByRole('tablist', { name: 'Circle sections' })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    const article = screen.getByRole('article', { name: 'Best practical for forces?' })
    expect(article.textContent).toContain('Ideas welcome <img src=x onerror="alert(1)">')
    expect(article.querySelector('img')).toBeNull()
    await waitFor(() => expect(argsOf(api, 'spaces.markSeen')).toContainEqual({ spaceId: 'c1' }))
  }, 15_000)

  it('starts threads, replies, toggles reactions and deletes a reply', async () => {
    const replied = circle({ threads: [{ ...thread, replies: [...thread.replies, { id: 'r2', author: me, authorName: 'Ms Diallo', body: 'And balloons.', createdAt: 3, reactions: [], canDelete: true }] }] })
    const { api, user } = setup(circle(), {
      'circles.addThread': () => ({ ok: true, value: { circle: circle(), threadId: 't2' } }),
      'circles.reply': () => ({ ok: true, value: { circle: replied, replyId: 'r2' } }),
      'circles.react': () => ({ ok: true, value: { circle: circle({ threads: [{ ...thread, reactions: [{ emoji: '👍', count: 3, mine: true }] }] }) } }),
      'circles.deleteMessage': () => ({ ok: true, value: { circle: circle({ threads: [{ ...thread, replies: [] }] }) } }),
    })
    await screen.findByRole('article', { name: 'Best practical for forces?' })

    fireEvent.change(screen.getByRole('textbox', { name: 'New thread' }), { target: { value: 'Cheap data loggers' } })
    fireEvent.change(screen.getByRole('textbox', { name: 'Thread message' }), { target: { value: 'Any that survive Year 8?' } })
    await user.click(screen.getByRole('button', { name: 'Start thread' }))
    await waitFor(() => expect(argsOf(api, 'circles.addThread')).toEqual([{ circleId: 'c1', title: 'Cheap data loggers', body: 'Any that survive Year 8?' }]))

    const article = screen.getByRole('article', { name: 'Best practical for forces?' })
    fireEvent.change(within(article).getByRole('textbox', { name: 'Your reply to “Best practical for forces?”' }), { target: { value: 'And balloons.' } })
    await user.click(within(article).getByRole('button', { name: 'Reply' }))
    expect(await screen.findByText('And balloons.')).toBeTruthy()
    expect(argsOf(api, 'circles.reply')).toEqual([{ circleId: 'c1', threadId: 't1', body: 'And balloons.' }])

    const thumbs = within(screen.getByRole('group', { name: 'Reactions to the thread “Best practical for forces?”' })).getByRole('button', { name: 'thumbs up: 2' })
    expect(thumbs.getAttribute('aria-pressed')).toBe('false')
    await user.click(thumbs)
    expect(argsOf(api, 'circles.react')).toEqual([{ circleId: 'c1', threadId: 't1', replyId: null, emoji: '👍', on: true }])
    expect((await screen.findByRole('button', { name: 'thumbs up: 3, including you' })).getAttribute('aria-pressed')).toBe('true')

    await user.click(screen.getByRole('button', { name: 'Delete the reply by Ms Diallo' }))
    await waitFor(() => expect(screen.queryByText('Trolleys down ramps.')).toBeNull())
    expect(argsOf(api, 'circles.deleteMessage')).toEqual([{ circleId: 'c1', threadId: 't1', replyId: 'r1' }])
  }, 15_000)

  it('shares a link and a file with how they were used, refuses a file over 10 MB, and downloads a file', async () => {
    const withFile = circle({ resources: [{ id: 'res1', title: 'Ramp worksheet', url: null, file: { name: 'ramps.pdf', mediaType: 'application/pdf', size: 2048 }, howUsed: 'Year 7 starter', addedBy: colleague, addedByName: 'Mr Okafor', addedAt: 1, canRemove: true }] })
    const { api, user } = setup(circle(), {
      'circles.addResource': () => ({ ok: true, value: { circle: withFile, resourceId: 'res1' } }),
      'circles.downloadFile': () => ({ ok: true, value: { fileName: 'ramps.pdf', mediaType: 'application/pdf', base64: btoa('%PDF\u0000\u00ff'), bytes: 6 } }),
    })
    await user.click(await screen.findByRole('tab', { name: /Resources/ }))
    fireEvent.change(screen.getByRole('textbox', { name: 'Link' }), { target: { value: 'https://phet.colorado.edu/forces' } })
    fireEvent.change(screen.getByRole('textbox', { name: 'How I used it in class' }), { target: { value: 'Pairs predicted first' } })
    await user.click(screen.getByRole('button', { name: 'Share resource' }))
    await waitFor(() => expect(argsOf(api, 'circles.addResource')).toEqual([{ circleId: 'c1', title: '', howUsed: 'Pairs predicted first', link: 'https://phet.colorado.edu/forces' }]))
    expect(await screen.findByText('Year 7 starter')).toBeTruthy()

    await user.click(screen.getByRole('radio', { name: 'File' }))
    const input = screen.getByTestId('circle-file-input')
    const huge = new File(['x'], 'video.mp4', { type: 'video/mp4' })
    Object.defineProperty(huge, 'size', { value: 10 * 1024 * 1024 + 1 })
    fireEvent.change(input, { target: { files: [huge] } })
    expect((await within(screen.getByRole('form', { name: 'Share a resource' })).findByRole('alert')).textContent).toMatch('A file in a circle can be at most 10 MB; “video.mp4” is 10.0 MB.')
    expect((screen.getByRole('button', { name: 'Share resource' }) as HTMLButtonElement).disabled).toBe(true)

    const bytes = new Uint8Array([0x25, 0x50, 0x00, 0xff])
    fireEvent.change(input, { target: { files: [new File([bytes], 'notes.pdf', { type: 'application/pdf' })] } })
    await user.click(screen.getByRole('button', { name: 'Share resource' }))
    await waitFor(() => expect(argsOf(api, 'circles.addResource')).toHaveLength(2))
    expect(argsOf(api, 'circles.addResource')[1]).toEqual({ circleId: 'c1', title: '', howUsed: '', file: { name: 'notes.pdf', mediaType: 'application/pdf', base64: btoa(String.fromCharCode(...bytes)) } })

    const createObjectURL = vi.fn((_blob: Blob) => 'blob:file')
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    await user.click(screen.getByRole('button', { name: 'Download ramps.pdf' }))
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1))
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe('ramps.pdf')
    const blob = createObjectURL.mock.calls[0]![0]
    const read = await new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader()
      reader.onload = () => resolve(reader.result as ArrayBuffer)
      reader.readAsArrayBuffer(blob)
    })
    expect(new Uint8Array(read)).toEqual(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]))
  }, 15_000)

  it('answers a meetup, saves it as .ics, and plans a new one with the device’s offset', async () => {
    const { api, user } = setup(circle(), {
      'circles.rsvp': () => ({ ok: true, value: { circle: circle({ meetups: [{ ...meetup, myRsvp: 'yes', rsvpCounts: { yes: 3, maybe: 1, no: 0 } }] }) } }),
      'circles.meetupIcs': () => ({ ok: true, value: { fileName: 'Forces practicals.ics', mimeType: 'text/calendar', text: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' } }),
      'circles.addMeetup': () => ({ ok: true, value: { circle: circle(), meetupId: 'm2' } }),
    })
    await user.click(await screen.findByRole('tab', { name: /Meetups/ }))
    const answers = screen.getByRole('group', { name: 'Your answer for Forces practicals' })
    expect(within(answers).getByRole('button', { name: 'Going (2)' }).getAttribute('aria-pressed')).toBe('false')
    await user.click(within(answers).getByRole('button', { name: 'Going (2)' }))
    expect((await screen.findByRole('button', { name: 'Going (3)' })).getAttribute('aria-pressed')).toBe('true')
    expect(argsOf(api, 'circles.rsvp')).toEqual([{ circleId: 'c1', meetupId: 'm1', answer: 'yes' }])

    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:ics'), revokeObjectURL: vi.fn() })
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    await user.click(screen.getByRole('button', { name: 'Add to calendar (.ics)' }))
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1))
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe('Forces practicals.ics')
    expect(argsOf(api, 'circles.meetupIcs')).toEqual([{ circleId: 'c1', meetupId: 'm1' }])

    await user.click(screen.getByRole('button', { name: 'Plan a meetup' }))
    const form = screen.getByRole('form', { name: 'Plan a meetup' })
    fireEvent.change(within(form).getByRole('textbox', { name: 'Title' }), { target: { value: 'Summer swap' } })
    fireEvent.change(within(form).getByLabelText('Starts', { exact: false }), { target: { value: '2099-06-01T15:00' } })
    fireEvent.change(within(form).getByLabelText('Ends', { exact: false }), { target: { value: '2099-06-01T16:30' } })
    fireEvent.change(within(form).getByRole('textbox', { name: 'Online link' }), { target: { value: 'https://meet.example/summer' } })
    await user.click(within(form).getByRole('button', { name: 'Add meetup' }))
    await waitFor(() => expect(argsOf(api, 'circles.addMeetup')).toHaveLength(1))
    expect(argsOf(api, 'circles.addMeetup')[0]).toEqual({ circleId: 'c1', title: 'Summer swap', startsAt: localToIsoWithOffset('2099-06-01T15:00'), endsAt: localToIsoWithOffset('2099-06-01T16:30'), place: '', onlineUrl: 'https://meet.example/summer' })
  }, 15_000)

  it('lets the owner add a paired colleague’s device (not an own device) through spaces.setMember', async () => {
    const added = circle({ members: [...circle().members, { deviceId: stranger, name: 'Mrs Chen', role: 'viewer', isMe: false }] })
    let current = circle()
    const { api, user } = setup(circle(), {
      'circles.get': () => ({ ok: true, value: { circle: current } }),
      'sync.status': () => ({ ok: true, value: syncStatus([paired(colleague, 'Mr Okafor'), paired(stranger, 'Mrs Chen'), paired(ownDevice, 'My tablet', 'own')]) }),
      'spaces.setMember': () => {
        current = added
        return { ok: true, value: { members: added.members.map(({ deviceId, name, role }) => ({ deviceId, name, role })) } }
      },
    })
    await user.click(await screen.findByRole('tab', { name: /Members/ }))
    await user.click(screen.getByRole('combobox', { name: 'Colleague’s device' }))
    const options = await screen.findAllByRole('option')
    expect(options.map((o) => o.textContent)).toEqual(['Mrs Chen (CCCC-CCCC)'])
    await user.click(options[0]!)
    await user.click(screen.getByRole('combobox', { name: 'Role' }))
    await user.click(await screen.findByRole('option', { name: 'Reader' }))
    await user.click(screen.getByRole('button', { name: 'Add member' }))
    await waitFor(() => expect(screen.getAllByTestId('circle-member')).toHaveLength(3))
    expect(argsOf(api, 'spaces.setMember')).toEqual([{ spaceId: 'c1', deviceId: stranger, role: 'viewer' }])
  }, 15_000)

  it('lets the owner change the announcement, take it down, edit the details and archive', async () => {
    const { api, user } = setup(circle(), {
      'circles.setAnnouncement': (args) => {
        const text = (args as { text: string | null }).text
        return { ok: true, value: { circle: circle({ announcement: text === null ? null : { text, authorName: 'Ms Diallo', at: 2 } }) } }
      },
      'circles.update': (args) => ({ ok: true, value: { circle: circle({ name: 'Science, North and East', announcement: null, archivedAt: (args as { archived?: boolean }).archived ? 5 : null }) } }),
    })
    await user.click(await screen.findByRole('button', { name: 'Edit announcement' }))
    const form = screen.getByRole('form', { name: 'Announcement' })
    fireEvent.change(within(form).getByRole('textbox', { name: 'Announcement' }), { target: { value: 'Meetup moved to lab 4.' } })
    await user.click(within(form).getByRole('button', { name: 'Pin announcement' }))
    expect((await screen.findByRole('region', { name: 'Announcement' })).textContent).toContain('Meetup moved to lab 4.')
    await user.click(screen.getByRole('button', { name: 'Take down' }))
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Announcement' })).toBeNull())
    expect(argsOf(api, 'circles.setAnnouncement')).toEqual([
      { circleId: 'c1', text: 'Meetup moved to lab 4.' },
      { circleId: 'c1', text: null },
    ])
    expect(screen.getByRole('button', { name: 'Pin an announcement' })).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Edit details' }))
    const details = screen.getByRole('form', { name: 'Circle details' })
    fireEvent.change(within(details).getByRole('textbox', { name: /Name/ }), { target: { value: 'Science, North and East' } })
    await user.click(within(details).getByRole('button', { name: 'Save' }))
    expect(await screen.findByRole('heading', { name: 'Science, North and East' })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Archive' }))
    expect(await screen.findByText('Archived')).toBeTruthy()
    expect(argsOf(api, 'circles.update')).toEqual([
      { circleId: 'c1', name: 'Science, North and East', description: 'Termly meetups' },
      { circleId: 'c1', archived: true },
    ])
  }, 15_000)

  it('gives a reader no controls that write, and is keyboard reachable', async () => {
    const { user } = setup(circle({ myRole: 'viewer' }))
    await screen.findByRole('article', { name: 'Best practical for forces?' })
    expect(screen.queryByRole('form', { name: 'New thread' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Reply' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Edit announcement' })).toBeNull()
    expect(screen.queryByRole('button', { name: /Delete/ })).toBeNull()

    // Tabs are reached with Tab and switched with the arrow keys.
    screen.getByRole('tab', { name: /Discussion/ }).focus()
    await user.keyboard('{ArrowRight}{ArrowRight}{Enter}')
    const going = await screen.findByRole('button', { name: 'Going (2)' })
    expect((going as HTMLButtonElement).disabled).toBe(true)
    expect(screen.getByRole('button', { name: 'Add to calendar (.ics)' })).toBeTruthy()
  }, 15_000)

  it('says so when the circle is not here', async () => {
    setup(circle(), { 'circles.get': () => ({ ok: false, error: { code: 'not-found', message: 'This circle does not exist here.' } }) })
    expect(await screen.findByText('This circle is not here')).toBeTruthy()
    expect(screen.getByText('It may have been removed, or it has not arrived from a member’s device yet.')).toBeTruthy()
  }, 15_000)
})
