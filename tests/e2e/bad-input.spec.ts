import WebSocket from 'ws'
import { createNote, noteBody, pasteText } from './support/app'
import { expect, test } from './support/fixtures'

test.describe('bad input gets a clear answer and loses nothing', () => {
  test('a 10,000-character title is cut to the limit with a message', async ({ page, serve }) => {
    await page.goto(serve.url)
    await createNote(page, 'Short title')
    const title = page.getByRole('textbox', { name: 'Note title' })
    await title.fill('x'.repeat(10_000))
    await expect(page.getByText(/A title can be at most 300 characters/)).toBeVisible()
    await expect(title).toHaveValue('x'.repeat(300))
  })

  test('script tags in a title and body are shown as inert text', async ({ page, serve }) => {
    let dialogs = 0
    page.on('dialog', (dialog) => {
      dialogs++
      void dialog.dismiss()
    })
    await page.goto(serve.url)
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    await createNote(page, hostile)
    await noteBody(page).click()
    await page.keyboard.type(hostile)
    await expect(page.getByTestId('note-list-item').filter({ hasText: '<script>alert(1)</script>' })).toBeVisible()
    await expect(noteBody(page)).toContainText(hostile)
    await expect(noteBody(page).locator('script, img')).toHaveCount(0)

    await page.getByTestId('open-palette').click()
    await page.getByTestId('palette-input').fill('script')
    await expect(page.getByTestId('palette-hit').first()).toContainText('<script>')
    expect(dialogs).toBe(0)
  })

  test('an oversized paste into a note is refused and the note is unchanged', async ({ page, serve }) => {
    await page.goto(serve.url)
    await createNote(page, 'Paste target')
    await noteBody(page).click()
    await page.keyboard.type('Keep this sentence.')
    await pasteText(page, 'note-body', 'y'.repeat(250_000))
    await expect(page.getByText(/200,000|too large/i).first()).toBeVisible()
    await expect(noteBody(page)).toHaveText('Keep this sentence.')
  })

  test('a malformed RPC message gets an error reply and the connection and core survive', async ({ page, serve }) => {
    await page.goto(serve.url)
    const cookie = (await page.context().cookies(serve.origin)).map((c) => `${c.name}=${c.value}`).join('; ')
    const socket = new WebSocket(`ws://127.0.0.1:${serve.port}/rpc`, { headers: { Cookie: cookie, Origin: serve.origin } })
    const replies: unknown[] = []
    socket.on('message', (data) => replies.push(JSON.parse(String(data))))
    await new Promise((resolve) => socket.once('open', resolve))
    socket.send(JSON.stringify({ id: 1, method: 'notes.create', args: { title: 42 } }))
    socket.send(JSON.stringify({ id: 2, method: 'notes.nonexistent', args: {} }))
    socket.send(JSON.stringify({ id: 3, method: 'notes.list', args: {} }))
    await expect.poll(() => replies.filter((r) => typeof r === 'object' && r !== null && 'id' in r).length).toBe(3)
    const byId = (id: number) => replies.find((r) => (r as { id?: number }).id === id) as { result: { ok: boolean; error?: { code: string } } }
    expect(byId(1).result).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(byId(2).result).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
    expect(byId(3).result).toMatchObject({ ok: true })
    socket.close()
  })
})
