/** The resources domain's contract (filled in by the work on issue 6). */
export const resourcesArgs = {}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ResourcesResults {}
