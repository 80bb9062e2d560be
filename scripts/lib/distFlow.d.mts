export const whatWorksInstead: string
export const electronPlatformName: { win: 'win32'; mac: 'darwin'; linux: 'linux' }
export type BuilderPlatform = 'win' | 'mac' | 'linux'
export interface ElectronZip {
  platform: string
  arch: string
}
export function parseDistArgs(args: string[], hostPlatform: string): { platforms: BuilderPlatform[]; arches: string[]; builderArgs: string[] }
export function electronZipsNeeded(platforms: BuilderPlatform[], explicitArches: string[], configArches: Partial<Record<BuilderPlatform, string[]>>, hostArch: string): ElectronZip[]
export function configArches(config: Record<string, unknown>): Record<BuilderPlatform, string[]>
export function versionAtLeast(a: string, b: string): boolean
export function requiredNode(manifests: Array<{ name: string; version: string; engines?: { node?: string } }>): { version: string; declaredBy: string } | null
export function builderFailureMessage(code: number, output: string): string
export interface DistPlan {
  nodeVersion: string
  nodeRequired: { version: string; declaredBy: string } | null
  electronVersion: string
  zips: ElectronZip[]
  builderArgs: string[]
  platforms: BuilderPlatform[]
}
export type CheckResult = { ok: true } | { ok: false; reason: string }
export interface DistSteps {
  checkElectronZip(zip: ElectronZip): Promise<{ ok: true } | { ok: false; from: string; reason: string }>
  checkIcons(): Promise<CheckResult>
  macSigningSummary(): string
  buildApp(): Promise<number>
  runBuilder(args: string[]): Promise<{ code: number; output: string }>
  say(line: string): void
}
export function distStaffroom(plan: DistPlan, steps: DistSteps): Promise<number>
