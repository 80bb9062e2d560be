import { notifications } from '@mantine/notifications'
import type { CsvMapping, ImportFormat, ImportPreview } from '@shared/api/io'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useApi, usePlatform } from '../../platform/PlatformContext'
import { countPhrases, readFileText, sizeProblem } from './importFile'

export interface ChosenFile {
  name: string
  bytes: number
  text: string
}

export interface ImportProgress {
  done: number
  total: number
}

export type ImportStep = 'idle' | 'reading' | 'previewing' | 'ready' | 'importing'

/** The two-step import: preview (and remap) without writing, then commit or cancel. */
export function useImport() {
  const api = useApi()
  const { shell } = usePlatform()
  const [file, setFile] = useState<ChosenFile | null>(null)
  const [format, setFormat] = useState<ImportFormat>('vcard')
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [step, setStep] = useState<ImportStep>('idle')
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const previewId = useRef<string | null>(null)

  useEffect(
    () =>
      api.on('progress', (event) => {
        if (event.task === 'import') setProgress({ done: event.done, total: event.total })
      }),
    [api],
  )

  const forget = useCallback(() => {
    const id = previewId.current
    previewId.current = null
    setPreview(null)
    if (id) void api.call('io.cancelImport', { importId: id })
  }, [api])

  // A preview held in the core is forgotten when the screen closes.
  useEffect(() => () => forget(), [forget])

  const show = useCallback((next: ImportPreview | null) => {
    previewId.current = next?.importId ?? null
    setPreview(next)
    setStep(next ? 'ready' : 'idle')
  }, [])

  const runPreview = useCallback(
    async (chosen: ChosenFile, chosenFormat: ImportFormat) => {
      forget()
      setStep('previewing')
      const result = await api.call('io.previewImport', { format: chosenFormat, text: chosen.text })
      show(result.ok ? result.value : null)
    },
    [api, forget, show],
  )

  async function choose(picked: File, chosenFormat: ImportFormat) {
    forget()
    setFile(null)
    setFormat(chosenFormat)
    setProgress(null)
    const early = sizeProblem(picked.size, null, shell)
    if (early) {
      setProblem(early)
      setStep('idle')
      return
    }
    setStep('reading')
    let text: string
    try {
      text = await readFileText(picked)
    } catch {
      setProblem(`“${picked.name}” could not be read. Check that the file is still there and try again.`)
      setStep('idle')
      return
    }
    const late = sizeProblem(picked.size, text, shell)
    setProblem(late)
    if (late) {
      setStep('idle')
      return
    }
    const chosen = { name: picked.name, bytes: picked.size, text }
    setFile(chosen)
    await runPreview(chosen, chosenFormat)
  }

  async function changeFormat(next: ImportFormat) {
    setFormat(next)
    if (file) await runPreview(file, next)
  }

  async function remap(mapping: CsvMapping) {
    if (!preview) return
    setStep('previewing')
    const result = await api.call('io.remapImport', { importId: preview.importId, mapping })
    if (result.ok) show(result.value)
    else setStep('ready')
  }

  async function commit() {
    if (!preview?.canCommit) return
    setStep('importing')
    setProgress(null)
    const result = await api.call('io.commitImport', { importId: preview.importId, mapping: preview.csv?.mapping })
    if (!result.ok) {
      setStep('ready')
      return
    }
    previewId.current = null
    setPreview(null)
    setFile(null)
    setStep('idle')
    setProgress(null)
    const created = countPhrases(result.value.created)
    const skipped = countPhrases(result.value.skipped)
    notifications.show({
      color: 'green',
      title: 'Import finished',
      message: `Imported ${created.length ? created.join(', ') : 'nothing new'}.${skipped.length ? ` Already here, left as they were: ${skipped.join(', ')}.` : ''}`,
      autoClose: 6000,
    })
  }

  function cancel() {
    forget()
    setFile(null)
    setProblem(null)
    setProgress(null)
    setStep('idle')
  }

  return { file, format, preview, problem, step, progress, choose, changeFormat, remap, commit, cancel }
}
