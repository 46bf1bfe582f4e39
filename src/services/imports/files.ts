import { readdir, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'

/** Extensions of the documents the import reads; a folder's other files are left alone. */
export const IMPORTABLE_EXTENSIONS = new Set([
  '.pdf',
  '.docx',
  '.html',
  '.htm',
  '.xhtml',
  '.txt',
  '.text',
  '.md',
  '.markdown',
])

/**
 * The files to import: each path as given, and for a folder every importable file in it and its
 * subfolders (hidden ones skipped), in name order. Paths that do not exist are kept, to be reported.
 */
export async function documentsIn(paths: readonly string[]): Promise<string[]> {
  const found: string[] = []
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined)
    if (info?.isDirectory()) found.push(...(await walk(path)))
    else found.push(path)
  }
  return found
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const files: string[] = []
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) files.push(...(await walk(path)))
    else if (
      entry.isFile() &&
      (IMPORTABLE_EXTENSIONS.has(extname(entry.name).toLowerCase()) || /\.zip$/i.test(entry.name))
    )
      files.push(path)
  }
  return files
}
