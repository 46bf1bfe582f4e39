import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
/** The package's own folder: its main file sits in it or in dist/ (some packages export nothing else). */
const packageDir = (name: string) => {
  const main = dirname(require.resolve(name))
  return main.endsWith('dist') ? dirname(main) : main
}

/** Noto fonts shipped by npm packages (TTF/OTF, which pdfkit embeds as subsets): Latin and Greek/Cyrillic, Chinese and Japanese, emoji. */
const FILES = {
  regular: join(packageDir('@embedpdf/fonts-latin'), 'fonts', 'NotoSans-Regular.ttf'),
  bold: join(packageDir('@embedpdf/fonts-latin'), 'fonts', 'NotoSans-Bold.ttf'),
  cjk: join(packageDir('@embedpdf/fonts-sc'), 'fonts', 'NotoSansHans-Regular.otf'),
  cjkBold: join(packageDir('@embedpdf/fonts-sc'), 'fonts', 'NotoSansHans-Bold.otf'),
  emoji: join(packageDir('@expo-google-fonts/noto-emoji'), '400Regular', 'NotoEmoji_400Regular.ttf'),
} as const

export type NoticeFont = keyof typeof FILES

let loaded: Record<NoticeFont, Buffer> | undefined
/** The font files, read once per process. */
export function noticeFonts(): Record<NoticeFont, Buffer> {
  loaded ??= Object.fromEntries(Object.entries(FILES).map(([name, file]) => [name, readFileSync(file)])) as Record<
    NoticeFont,
    Buffer
  >
  return loaded
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u
const EMOJI = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u200d|\ufe0f|\u20e3/u

/** Splits text into runs, each in the font that has its characters (pdfkit does no font fallback of its own). */
export function fontRuns(text: string, bold: boolean): Array<{ font: NoticeFont; text: string }> {
  const runs: Array<{ font: NoticeFont; text: string }> = []
  for (const char of text) {
    const font: NoticeFont = CJK.test(char)
      ? bold
        ? 'cjkBold'
        : 'cjk'
      : EMOJI.test(char)
        ? 'emoji'
        : bold
          ? 'bold'
          : 'regular'
    const last = runs.at(-1)
    if (last?.font === font) last.text += char
    else runs.push({ font, text: char })
  }
  return runs
}
