import type { WorkloadResult } from './harness/results'

export const overheadLimit: number
export interface RatioRow { measure: string; ours: string; oursValue: number; other: string; otherValue: number; unit: string; ratio: number | null; overLimit: boolean }
export function ratioRows(result: Pick<WorkloadResult, 'measures'>): RatioRow[]
export function formatValue(value: number, unit: string): string
export function formatTable(results: Array<Pick<WorkloadResult, 'id' | 'title' | 'measures'> & { ratios?: RatioRow[] }>): string
