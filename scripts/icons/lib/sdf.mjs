// Signed-distance shapes (negative inside), in pixels, after Inigo Quilez's 2D distance functions.
// union and subtract are exact outside the joined shape and close enough inside for one-pixel edges.

/** @typedef {import('./canvas.mjs').Sdf} Sdf */

/**
 * @param {number} cx
 * @param {number} cy
 * @param {number} radius
 * @returns {Sdf}
 */
export function circle(cx, cy, radius) {
  return (x, y) => Math.hypot(x - cx, y - cy) - radius
}

/**
 * An axis-aligned rectangle with rounded corners.
 * @param {number} cx
 * @param {number} cy
 * @param {number} width
 * @param {number} height
 * @param {number} radius corner radius
 * @returns {Sdf}
 */
export function roundedRect(cx, cy, width, height, radius) {
  const hx = width / 2 - radius
  const hy = height / 2 - radius
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx
    const qy = Math.abs(y - cy) - hy
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius
  }
}

/**
 * A closed polygon (any winding, may be concave).
 * @param {Array<[number, number]>} points
 * @returns {Sdf}
 */
export function polygon(points) {
  return (x, y) => {
    const [fx, fy] = points[0] ?? [0, 0]
    let d = (x - fx) ** 2 + (y - fy) ** 2
    let sign = 1
    for (let i = 0, j = points.length - 1; i < points.length; j = i, i++) {
      const [ax, ay] = points[i] ?? [0, 0]
      const [bx, by] = points[j] ?? [0, 0]
      const ex = bx - ax
      const ey = by - ay
      const wx = x - ax
      const wy = y - ay
      const t = Math.min(1, Math.max(0, (wx * ex + wy * ey) / (ex * ex + ey * ey)))
      d = Math.min(d, (wx - ex * t) ** 2 + (wy - ey * t) ** 2)
      const c1 = y >= ay
      const c2 = y < by
      const c3 = ex * wy > ey * wx
      if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) sign = -sign
    }
    return sign * Math.sqrt(d)
  }
}

/**
 * Both shapes together.
 * @param {Sdf} a
 * @param {Sdf} b
 * @returns {Sdf}
 */
export function union(a, b) {
  return (x, y) => Math.min(a(x, y), b(x, y))
}

/**
 * The part of a outside b.
 * @param {Sdf} a
 * @param {Sdf} b
 * @returns {Sdf}
 */
export function subtract(a, b) {
  return (x, y) => Math.max(a(x, y), -b(x, y))
}

/**
 * The shape grown by distance (shrunk when negative).
 * @param {Sdf} shape
 * @param {number} distance
 * @returns {Sdf}
 */
export function grow(shape, distance) {
  return (x, y) => shape(x, y) - distance
}

/**
 * The shape scaled about the origin (distances scale with it).
 * @param {Sdf} shape
 * @param {number} factor
 * @returns {Sdf}
 */
export function scaled(shape, factor) {
  return (x, y) => shape(x / factor, y / factor) * factor
}
