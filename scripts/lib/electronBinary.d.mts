export interface ElectronBinaryFs {
  existsSync(path: string): boolean
  readFileSync(path: string, encoding: 'utf8'): string
}
export function electronBinaryStatus(electronDir: string, fs?: ElectronBinaryFs): { present: true; executable: string } | { present: false }
