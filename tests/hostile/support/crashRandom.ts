/** A whole number in [0, below) from a seeded generator (`seededRandom`), so a run replays from its seed. */
export function randomInt(random: () => number, below: number): number {
  return Math.floor(random() * below)
}
