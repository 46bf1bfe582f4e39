/** How GOV.UK describes a file beside its link: "PDF, 47 KB", "Word document, 1.2 MB". */
const KINDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/msword': 'Word document',
  'text/html': 'HTML',
  'text/plain': 'Plain text',
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`
}

export function describeFile(mediaType: string, bytes: number): string {
  return `${KINDS[mediaType.split(';')[0]!.trim()] ?? 'File'}, ${formatFileSize(bytes)}`
}
