/** The reflection domain's contract (filled in by the work on issue 6). */
export const reflectionArgs = {}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReflectionResults {}
