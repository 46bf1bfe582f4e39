import { Router, type NextFunction, type Request, type Response } from 'express'
import type { Services } from '../../../../services/index.ts'
import type { PublicOffice } from '../../../../services/offices/public-offices.ts'
import type { SiteSettings } from '../../../../services/offices/settings.ts'
import { DecisionController } from '../decisions/decision.ts'
import { HomeController } from '../decisions/home.ts'
import { disclosureLogRoutes } from '../foi/index.ts'
import { ledgerPages } from '../ledger/index.ts'
import { downloadRoutes } from '../open-data/downloads.ts'
import { feedRoutes } from '../open-data/feeds.ts'
import { NationalController } from './national.ts'

/** What the layout shows of the register a page belongs to: the office's name and branding, or the neutral service. */
export function officeSite(site: SiteSettings, office: PublicOffice) {
  return {
    ...site,
    officeName: office.name,
    copyrightHolder: office.copyrightHolder,
    office,
  }
}

/** The national register's pages name no office: the service's own name in the header and footer. */
export function nationalSite(site: SiteSettings) {
  return { ...site, officeName: site.registerName, copyrightHolder: null, office: null }
}

/**
 * The register of the deployment's own pages: one office's when the deployment serves one office (or says its
 * home is its office), else the national register, which names no office.
 */
export function publicRegisterContext(services: Services) {
  return async (_req: Request, res: Response, next: NextFunction): Promise<void> => {
    const home = await services.publicOffices.homeRegister()
    if (home) {
      res.locals.registerOffice = home
      res.locals.site = officeSite(res.locals.site as SiteSettings, home)
    } else res.locals.site = nationalSite(res.locals.site as SiteSettings)
    next()
  }
}

/** The pages of one office's register, the same controllers as the national register's, filtered to the office. */
export function officeRegisterPages(services: Services): Router {
  const router = Router()
  // Feeds and downloads first: their routes also say which feeds each page advertises.
  router.use(feedRoutes(services))
  router.use(downloadRoutes(services))
  router.get('/', new HomeController(services).get)
  router.get('/decisions/:slug', new DecisionController(services).get)
  router.use(ledgerPages(services))
  router.use(disclosureLogRoutes(services))
  router.get('/contact', (_req, res) => res.render('pages/public/offices/contact'))
  return router
}

/** /offices: every office's register, the national comparison, and each office's logo. */
export function officeRoutes(services: Services): Router {
  const router = Router()
  const national = new NationalController(services)
  router.get('/offices', national.offices)
  router.get('/national', national.comparison)
  router.get('/offices/:slug/logo', async (req, res, next) => {
    const logo = await services.publicOffices.logo(String(req.params.slug))
    if (!logo) return next()
    res.type(logo.mediaType).set('Cache-Control', 'public, max-age=86400').set('X-Content-Type-Options', 'nosniff').send(logo.content)
  })
  const pages = officeRegisterPages(services)
  router.use('/offices/:slug', async (req: Request, res: Response, next: NextFunction) => {
    const office = await services.publicOffices.bySlug(String(req.params.slug))
    if (!office) return next()
    // An office whose functions passed to a successor: its old addresses move permanently to the successor's.
    if (office.successor) return res.redirect(301, `/offices/${office.successor.slug}${req.url === '/' ? '' : req.url}`)
    res.locals.registerOffice = office
    res.locals.base = `/offices/${office.slug}`
    res.locals.site = officeSite(res.locals.site as SiteSettings, office)
    pages(req, res, next)
  })
  return router
}
