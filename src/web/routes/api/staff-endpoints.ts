import { z } from 'zod'
import { DECISION_STATUSES } from '../../../domain/decision.ts'
import { penceToPounds } from '../../../domain/money.ts'
import { endpoint, listResponse, type Endpoint } from './endpoint.ts'
import * as p from './parameters.ts'
import * as s from './schemas.ts'
import * as spend from './spending-schemas.ts'
import { BadRequest } from './bad-request.ts'

const office = p.optionalId('Only this office (its organisation id).')

/** The staff API: a personal access token in `Authorization: Bearer …`. */
export const staffEndpoints: Endpoint[] = [
  endpoint({
    method: 'get',
    path: '/v1/staff/decisions',
    tag: 'Staff',
    summary: 'Every decision, whatever its status (read scope)',
    scope: 'read',
    query: p.listQuery({
      status: z.enum(DECISION_STATUSES).optional(),
      review: z
        .enum(['reviewed', 'unreviewed'])
        .optional()
        .meta({ description: 'Only records reviewed, or awaiting review, after import.' }),
      office,
    }),
    response: s.pageOf(s.StaffDecision, 'StaffDecisionPage'),
    handle: async ({ services, query, after, req, scope }) =>
      listResponse(
        req,
        await services.openData.staffDecisions.list({
          scope,
          status: query.status,
          reviewStatus: query.review,
          officeId: query.office,
          after,
          limit: query.limit,
        }),
      ),
  }),
  endpoint({
    method: 'get',
    path: '/v1/staff/spending/review',
    tag: 'Staff',
    summary: 'Payments over £500 awaiting review: not matched to an award (read scope)',
    description:
      'The review queue of the spending pages, in the order imported: payments the import could not match to one award. The staff spending pages record the award each pays, a split between awards, or that it pays none.',
    scope: 'read',
    query: p.listQuery({ office }),
    response: s.pageOf(spend.StaffSpendPayment, 'StaffSpendPaymentPage'),
    handle: async ({ services, query, after, req, scope }) => {
      const page = await services.spending.queuePage(scope, { officeId: query.office, after, limit: query.limit })
      return listResponse(req, {
        nextAfter: page.nextAfter,
        items: page.items.map((payment) => ({
          id: payment.id,
          office: { id: payment.officeId },
          line: payment.line,
          date: payment.paidOn,
          supplier: payment.supplierName,
          supplierOrganisationId: payment.supplierId,
          amount: penceToPounds(payment.amountPence),
          expenseType: payment.expenseType,
          transactionNumber: payment.transactionNumber,
        })),
      })
    },
  }),
]

staffEndpoints.push(
  endpoint({
    method: 'post',
    path: '/v1/staff/documents',
    tag: 'Staff',
    summary: 'Import a published decision document (write scope, officer role)',
    description:
      'A PDF, Word (.docx), HTML or text file as the multipart field `file`, read and stored exactly as the upload page does: an imported record awaiting review is made from it, or it is refused with the reason (422, or 413 over a size limit, 409 for a reference the office already holds). The same bytes sent twice are stored once.',
    scope: 'write',
    role: 'officer',
    upload: true,
    successStatus: 201,
    requestBody: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } },
          },
        },
      },
    },
    response: s.StoredDocument,
    handle: async ({ services, req, holder, scope }) => {
      const file = req.file
      if (!file) throw new BadRequest('file', 'send the document as the multipart field "file"')
      const fileName = file.originalname.slice(0, 255) || 'document'
      const actor = {
        userId: holder!.user.id,
        label: `${holder!.user.name} <${holder!.user.email}> (API token ${holder!.tokenId})`,
        scope,
      }
      const outcome = await services.imports.importDocument(file.buffer, fileName, actor, { mediaType: file.mimetype })
      return {
        id: outcome.documentId,
        decisionId: outcome.decisionId,
        ...outcome.document,
        sizeBytes: file.size,
        created: outcome.status === 'imported',
      }
    },
  }),
)
