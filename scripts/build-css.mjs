#!/usr/bin/env node
// Compiles the stylesheet: govuk-frontend and MoJ frontend with the project's own settings.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import * as sass from 'sass'

const output = 'public/stylesheets/app.css'
const result = sass.compile('src/web/assets/app.scss', {
  loadPaths: ['.', 'node_modules/govuk-frontend/dist', 'node_modules/@ministryofjustice/frontend', 'node_modules'],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import', 'global-builtin', 'mixed-decls', 'color-functions', 'slash-div'],
  logger: sass.Logger.silent,
})
mkdirSync(dirname(output), { recursive: true })
writeFileSync(output, result.css)
console.log(`Built ${output} (${Math.round(result.css.length / 1024)} KB)`)
