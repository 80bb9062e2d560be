import { Text } from '@mantine/core'
import QRCode from 'qrcode'
import { useEffect, useState } from 'react'
import classes from './DevicesView.module.css'

/** A QR code of `value` as an SVG image (a data URL, so no markup is injected into the page). */
export function QrCode({ value, alt }: { value: string; alt: string }) {
  const [image, setImage] = useState<{ value: string; src: string } | { value: string; error: true } | null>(null)

  useEffect(() => {
    let cancelled = false
    QRCode.toString(value, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } }).then(
      (svg) => !cancelled && setImage({ value, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` }),
      () => !cancelled && setImage({ value, error: true }),
    )
    return () => {
      cancelled = true
    }
  }, [value])

  if (!image || image.value !== value) return <div className={classes.qr} aria-hidden />
  if ('error' in image) {
    return (
      <Text size="sm" c="dimmed">
        The link is too long for a QR code; copy the code or the link instead.
      </Text>
    )
  }
  return <img className={classes.qr} src={image.src} alt={alt} data-testid="invite-qr" />
}
