import { readFileSync } from 'node:fs'
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

const GRANT_SCHEMA_URLS = [
  'https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.3/schema/360-giving-schema.json',
  // The package schema refers to the grant schema by its 1.4.2 address.
  'https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json',
]

function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./schemas/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>
}

export interface SchemaProblem {
  /** The grant's identifier, or "package" for the envelope. */
  where: string
  path: string
  message: string
}

/** The official 360Giving schemas, compiled once: one validator for a grant, one for the package envelope. */
export class ThreeSixtyGivingValidator {
  private readonly grant: ValidateFunction
  private readonly envelope: ValidateFunction

  constructor() {
    // The schemas declare the draft 2020-12 meta-schema by its http address, which Ajv knows only as https.
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false })
    addFormats.default(ajv)
    const grantSchema = readSchema('360-giving-schema.json')
    for (const url of GRANT_SCHEMA_URLS) ajv.addSchema({ ...grantSchema, $id: url })
    this.grant = ajv.getSchema(GRANT_SCHEMA_URLS[0]!)!
    this.envelope = ajv.compile(readSchema('360-giving-package-schema.json'))
  }

  /** Problems with one grant (empty when it is valid). */
  checkGrant(grant: { id?: unknown }): SchemaProblem[] {
    const where = typeof grant.id === 'string' ? grant.id : 'grant without an identifier'
    return this.grant(grant) ? [] : describe(where, this.grant.errors)
  }

  /** Problems with the package: its metadata with one grant standing for all, each checked on its own. */
  checkEnvelope(metadata: Record<string, unknown>, sampleGrant: unknown): SchemaProblem[] {
    const candidate = { ...metadata, grants: sampleGrant === undefined ? [] : [sampleGrant] }
    if (this.envelope(candidate)) return []
    return describe('package', this.envelope.errors)
  }
}

function describe(where: string, errors: ErrorObject[] | null | undefined): SchemaProblem[] {
  return (errors ?? []).map((e) => ({ where, path: e.instancePath || '/', message: e.message ?? e.keyword }))
}
