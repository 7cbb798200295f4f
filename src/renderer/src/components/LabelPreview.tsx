// A label's PDF drawn page by page on canvases with pdf.js. pdf.js runs on
// the page's own thread (its worker module loaded as a code chunk), so the
// Content-Security-Policy needs no worker or blob: allowance.
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Group, Loader, Stack, Text } from '@mantine/core'
import type * as PdfJsModule from 'pdfjs-dist'
import { errorMessage } from '../useAction'

// A type-only import: pdf.js itself loads on demand (a code chunk of its own).
type PdfJs = typeof PdfJsModule

let loading: Promise<PdfJs> | null = null
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const worker = await import('pdfjs-dist/build/pdf.worker.mjs')
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
    return import('pdfjs-dist')
  })()
  return loading
}

function toBytes(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Every page of the PDF, `width` CSS pixels wide, sharp on high-DPI screens. */
export function LabelPreview({ pdfBase64, width = 380, title }: { pdfBase64: string; width?: number; title: string }) {
  const { t } = useTranslation('printing')
  const holder = useRef<HTMLDivElement>(null)
  // pdf.js's own words (not the station's), shown inside the station's sentence.
  const [error, setError] = useState<string | null>(null)
  const [pages, setPages] = useState(0)

  useEffect(() => {
    let cancelled = false
    const target = holder.current
    if (!target) return
    target.replaceChildren()
    setError(null)
    ;(async () => {
      const pdfjs = await loadPdfJs()
      const task = pdfjs.getDocument({ data: toBytes(pdfBase64) })
      const doc = await task.promise
      if (cancelled) return
      setPages(doc.numPages)
      for (let n = 1; n <= doc.numPages && !cancelled; n++) {
        const page = await doc.getPage(n)
        const scale = width / page.getViewport({ scale: 1 }).width
        const ratio = window.devicePixelRatio || 1
        const viewport = page.getViewport({ scale: scale * ratio })
        const canvas = document.createElement('canvas')
        canvas.width = Math.floor(viewport.width)
        canvas.height = Math.floor(viewport.height)
        canvas.style.width = `${Math.floor(viewport.width / ratio)}px`
        Object.assign(canvas.style, { background: '#fff', boxShadow: '0 1px 6px rgba(0, 0, 0, 0.35)', borderRadius: '2px' })
        canvas.setAttribute('role', 'img')
        canvas.setAttribute('aria-label', t('preview.page', { title, page: n, pages: doc.numPages }))
        target.appendChild(canvas)
        await page.render({ canvas, viewport }).promise
      }
      await task.destroy()
    })().catch((e) => !cancelled && setError(errorMessage(e)))
    return () => {
      cancelled = true
    }
  }, [pdfBase64, width, title, t])

  return (
    <Stack gap="xs" aria-label={t('preview.label')}>
      {error && <Alert color="red">{t('preview.failed', { error })}</Alert>}
      <Group gap="xs">
        {pages === 0 && !error && <Loader size="sm" />}
        {pages > 1 && (
          <Text size="sm" c="dimmed">
            {t('preview.labels', { count: pages })}
          </Text>
        )}
      </Group>
      <div ref={holder} style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }} />
    </Stack>
  )
}
