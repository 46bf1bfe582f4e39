import express, { Router } from 'express'
import type { Services } from '../../../services/index.ts'
import { loadUser, requireRoles } from '../../auth.ts'
import { unwrapIsolatedFormValues } from '../../form-values.ts'
import { csrf, signInCsrf } from '../../session.ts'
import { addPages } from '../pages.ts'
import { AuditController } from './audit/audit.ts'
import { DashboardController } from './dashboard.ts'
import { appendixUploadParser } from './decisions/appendices.ts'
import { decisionStaffRoutes } from './decisions/index.ts'
import { foiStaffRoutes } from './foi/index.ts'
import { forwardPlanStaffRoutes } from './forward-plan/index.ts'
import { importStaffRoutes } from './imports/index.ts'
import { ledgerStaffRoutes } from './ledger/index.ts'
import { spendingStaffRoutes } from './spending/index.ts'
import { notificationStaffRoutes } from './notifications/index.ts'
import { SettingsController } from './offices/settings.ts'
import { PopulationController } from './offices/population.ts'
import { LogoController, logoParser } from './offices/logo.ts'
import { OfficesController, requireDeploymentAdmin } from './offices/offices.ts'
import { PublicationChecklistController } from './open-data/publication-checklist.ts'
import { SignInController } from './accounts/sign-in.ts'
import { TokensController } from './accounts/tokens.ts'
import { UsersController } from './accounts/users.ts'
import { OwnPasswordController } from './accounts/own-password.ts'
import { OfficePickerController } from './accounts/office-picker.ts'

type StaffOptions = { sessionSecret: string; production: boolean; smtpConfigured?: boolean }

/**
 * The staff area. Every route is authorised here, by the roles its mount point names, and nowhere else.
 * Finer rules (nobody signs what they wrote) belong to the services. Order matters: each step adds its
 * routes after the ones before it.
 */
export function staffRoutes(services: Services, options: StaffOptions): Router {
  const router = Router()
  const ownPassword = new OwnPasswordController(services)
  readRequests(router, services, ownPassword)
  mountUploadRoutes(router, services)
  router.use(csrf)
  addAccountPages(router, services, options, ownPassword)
  addAdministratorPages(router, services)
  mountFeatureRoutes(router, services, options)
  return router
}

/** Every request: its form body read, its user loaded, a password change required when due, nothing cached. */
function readRequests(router: Router, services: Services, ownPassword: OwnPasswordController): void {
  router.use(express.urlencoded({ extended: true, limit: '2mb' }))
  router.use(unwrapIsolatedFormValues)
  router.use(loadUser(services))
  router.use(ownPassword.requireOwnPassword)
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store')
    next()
  })
}

/** Routes that read a multipart upload: before the CSRF check, as the token is inside the body they parse and check. */
function mountUploadRoutes(router: Router, services: Services): void {
  router.use('/imports', requireRoles('officer'), importStaffRoutes(services))
  router.use('/ledger', requireRoles('officer', 'finance_officer', 'administrator'), ledgerStaffRoutes(services))
  // The logo's multipart body is parsed before the token in it can be checked.
  router.post('/settings/logo', requireRoles('administrator'), logoParser())
  router.post('/decisions/:id/appendices/new', requireRoles('officer'), appendixUploadParser(services.imports.maxBytes))
  router.use('/spending', requireRoles('officer', 'finance_officer', 'administrator'), spendingStaffRoutes(services))
}

/** Signing in and out, and the pages every member of staff has: dashboard, own password, office, tokens. */
function addAccountPages(
  router: Router,
  services: Services,
  options: StaffOptions,
  ownPassword: OwnPasswordController,
): void {
  const signIn = new SignInController(services)
  const signInForm = signInCsrf({ secret: options.sessionSecret, production: options.production })
  router.get('/sign-in', signInForm, signIn.get)
  router.post('/sign-in', signInForm, signIn.post)
  router.post('/sign-out', signIn.signOut)

  const anyStaff = requireRoles()
  router.post('/sign-out-everywhere', anyStaff, signIn.signOutEverywhere)
  const officePicker = new OfficePickerController(services)
  const tokens = new TokensController(services)
  addPages(router, anyStaff, [
    ['/', new DashboardController(services).get],
    ['/account/password', ownPassword.get, ownPassword.post],
    ['/office', officePicker.get, officePicker.post],
    ['/tokens', tokens.list, tokens.create],
  ])
  router.post('/tokens/:id/revoke', anyStaff, tokens.revoke)
}

/** An office's administrator's pages (users, settings, audit), then the deployment administrator's offices. */
function addAdministratorPages(router: Router, services: Services): void {
  const admin = requireRoles('administrator')
  const users = new UsersController(services)
  const settings = new SettingsController(services)
  const population = new PopulationController(services)
  addPages(router, admin, [
    ['/users', users.list],
    ['/users/new', users.newForm, users.create],
    ['/users/:id', users.show],
    ['/users/:id/roles', users.rolesForm, users.saveRoles],
    ['/users/:id/status', users.statusForm, users.saveStatus],
    ['/users/:id/password', users.passwordForm, users.resetPassword],
    ['/settings', settings.get, settings.post],
    ['/offices/:id/population', population.get, population.post],
    ['/audit', new AuditController(services).get],
  ])
  router.post('/settings/logo', admin, new LogoController(services).post)

  const offices = new OfficesController(services)
  const deploymentAdmin = [admin, requireDeploymentAdmin]
  addPages(router, deploymentAdmin, [
    ['/offices', offices.list],
    ['/offices/new', offices.newForm, offices.create],
    ['/offices/:id/administrator', offices.administratorForm, offices.appoint],
    ['/offices/:id/succession', offices.successionForm, offices.recordSuccession],
  ])
}

/** The features' own routers: decisions, FOI, forward plan, notifications, and the publication checklist. */
function mountFeatureRoutes(router: Router, services: Services, options: StaffOptions): void {
  router.get(
    '/publication-checklist',
    requireRoles('officer', 'administrator'),
    new PublicationChecklistController(services).get,
  )
  router.use(
    '/decisions',
    requireRoles('officer', 'finance_officer', 'chief_executive', 'decision_maker', 'administrator'),
    decisionStaffRoutes(services),
  )
  router.use('/foi', requireRoles('officer'), foiStaffRoutes(services))
  router.use('/forward-plan', requireRoles('officer', 'administrator'), forwardPlanStaffRoutes(services))
  router.use(
    '/notifications',
    requireRoles(),
    notificationStaffRoutes(services, { smtpConfigured: options.smtpConfigured ?? false }),
  )
}
