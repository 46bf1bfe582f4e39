import express, { type Express } from 'express'

export function setUpStaticResources(app: Express): void {
  const options = { maxAge: process.env.NODE_ENV === 'production' ? '1d' : 0, index: false }
  app.use('/stylesheets', express.static('public/stylesheets', options))
  app.use('/assets', express.static('node_modules/govuk-frontend/dist/govuk/assets', options))
  app.use('/moj/assets', express.static('node_modules/@ministryofjustice/frontend/moj/assets', options))
  app.use(
    '/javascripts/govuk-frontend.min.js',
    express.static('node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js', options),
  )
  app.use(
    '/javascripts/moj-frontend.min.js',
    express.static('node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js', options),
  )
  app.use(
    '/javascripts/accessible-autocomplete.min.js',
    express.static('node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js', options),
  )
  app.use('/static', express.static('public/static', options))
}
