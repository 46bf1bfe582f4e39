import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

const SCHEMAS = new URL('../../src/services/open-data/three-sixty-giving/schemas/', import.meta.url)

/** An independent check of a whole package against the official schemas (the exporter checks grant by grant). */
export function validatePackage(data: unknown): string[] {
  const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true })
  addFormats.default(ajv)
  const grant = JSON.parse(readFileSync(new URL('360-giving-schema.json', SCHEMAS), 'utf8')) as Record<string, unknown>
  ajv.addSchema({
    ...grant,
    $id: 'https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json',
  })
  const validate = ajv.compile(
    JSON.parse(readFileSync(new URL('360-giving-package-schema.json', SCHEMAS), 'utf8')) as Record<string, unknown>,
  )
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

/** A grant of an exported package, with the fields the tests read. */
export type ExportedGrant = Record<string, unknown> & {
  id: string
  amountAwarded: number
  title: string
  recipientOrganization: Array<{ id: string; name: string }>
  url: string
  awardDate: string
}
