/** The kinds of file an appendix may be: PDF or Word, told by the file's name and its first bytes alike. */
const KINDS = [
  { extension: '.pdf', mediaType: 'application/pdf', magic: Buffer.from('%PDF-', 'latin1') },
  {
    extension: '.docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  },
  {
    extension: '.doc',
    mediaType: 'application/msword',
    magic: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  },
] as const

export const APPENDIX_ACCEPT = KINDS.flatMap((k) => [k.extension, k.mediaType]).join(',')

/**
 * The media type of an uploaded appendix, or why it is refused: the name must end .pdf, .docx or .doc and the
 * content must begin as such a file does (a renamed image or program is refused).
 */
export function appendixMediaType(fileName: string, content: Buffer): { mediaType: string } | { problem: string } {
  if (content.length === 0) return { problem: 'The selected file is empty' }
  const lower = fileName.toLowerCase()
  const kind = KINDS.find((k) => lower.endsWith(k.extension))
  if (!kind) return { problem: 'The selected file must be a PDF or a Word document (.pdf, .docx or .doc)' }
  if (!content.subarray(0, kind.magic.length).equals(kind.magic))
    return {
      problem: `The selected file is named ${kind.extension} but is not a ${kind.extension.slice(1).toUpperCase()} file`,
    }
  return { mediaType: kind.mediaType }
}
