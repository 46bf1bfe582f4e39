import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatReference, referenceScope, validateReferenceFormat } from '../../../src/domain/reference-format.ts'

test('formats references the way offices print them', () => {
  assert.equal(formatReference('{yyyy}.{seq:3}', 2024, 6), '2024.006')
  assert.equal(formatReference('PCC{seq:3}/{yy}', 2018, 36), 'PCC036/18')
  assert.equal(formatReference('PCCML/{seq:6}/{yyyy}', 2018, 407), 'PCCML/000407/2018')
  assert.equal(formatReference('D{seq}', 2030, 1234), 'D1234')
})

test('numbers restart when the year in the reference changes', () => {
  assert.equal(referenceScope('{yyyy}.{seq:3}', 2024), '2024.#')
  assert.notEqual(referenceScope('{yyyy}.{seq:3}', 2025), referenceScope('{yyyy}.{seq:3}', 2024))
  assert.equal(referenceScope('D{seq}', 2024), referenceScope('D{seq}', 2025))
})

test('refuses formats without exactly one number or with unknown placeholders', () => {
  assert.throws(() => validateReferenceFormat('{yyyy}'), /\{seq\}/)
  assert.throws(() => validateReferenceFormat('{seq}{seq}'), /exactly once/)
  assert.throws(() => validateReferenceFormat('{seq}-{month}'), /may only use/)
  assert.throws(() => validateReferenceFormat('{seq}<script>'), /may contain/)
  assert.doesNotThrow(() => validateReferenceFormat('PCC{seq:3}/{yy}'))
})
