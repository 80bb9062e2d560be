export const maxPhotoSide = 256

/** The size that fits within `max` on both sides, keeping the aspect ratio (never enlarging). */
export function fitWithin(width: number, height: number, max = maxPhotoSide): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height, 1))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/**
 * Scales a picked image down in a canvas to at most 256 px a side and encodes it as JPEG, so a
 * contact's photo stays a few kilobytes in the document however large the original was.
 */
export async function scalePhoto(file: File): Promise<string> {
  if (!/^image\//.test(file.type)) throw new Error('That file is not an image.')
  const bitmap = await createImageBitmap(file)
  const size = fitWithin(bitmap.width, bitmap.height)
  const canvas = document.createElement('canvas')
  canvas.width = size.width
  canvas.height = size.height
  const context = canvas.getContext('2d')
  if (!context) throw new Error('This browser cannot scale images.')
  context.drawImage(bitmap, 0, 0, size.width, size.height)
  bitmap.close()
  return canvas.toDataURL('image/jpeg', 0.85)
}
