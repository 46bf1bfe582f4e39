/**
 * The demonstration register: the five cases of the seed documents as structured records.
 * Facts and figures follow the published documents; the wording is the register's own.
 */
import type { ProcurementRoute } from '../../domain/decision.ts'

export interface DemoOrganisation {
  name: string
  kind: 'office' | 'council' | 'provider' | 'government_department' | 'other'
  aliases?: string[]
  orgId?: string
  charityNumber?: string
}

export interface DemoOffice {
  name: string
  shortName: string
  decisionMakerTitle: string
  referenceFormat: string
  openDataPrefix: string
  areaDescription: string
}

export interface DemoAward {
  recipient: string
  pounds: string
  period?: { label: string; start: string; end: string }
  perAnnum?: boolean
  upTo?: boolean
  via?: string
  route?: ProcurementRoute
  routeJustification?: string
  stream?: string
  service?: string
  purpose?: string
}

export interface DemoContribution {
  organisation: string
  pounds: string
  perAnnum?: boolean
  upTo?: boolean
  condition?: string
  proRata?: boolean
  service?: string
}

export interface DemoService {
  name: string
  type:
    | 'idva'
    | 'outreach'
    | 'refuge'
    | 'perpetrator_programme'
    | 'helpline'
    | 'partnership_car'
    | 'survivor_support'
    | 'other'
  office: string
  lead?: string
  providers?: string[]
  areas: string[]
  start: string
  end: string
  extensionMonths?: number
  extensionText?: string
  breakNoticeMonths?: number
  predecessor?: string
  description: string
}

export interface DemoDecision {
  office: string
  reference: string
  kind: 'decision' | 'information' | 'report' | 'foi_response'
  title: string
  received?: string
  decided: string
  published: string
  author?: string
  authorContact?: string
  summary: string
  sections: Array<{ key?: string; heading: string; body: string }>
  decisionText?: string
  revenueOrCapital?: 'revenue' | 'capital' | 'both'
  inBudget?: boolean
  decisionMaker?: string
  statedTotal?: string
  statedTotalPerAnnum?: boolean
  awards?: DemoAward[]
  contributions?: DemoContribution[]
  findings?: Array<{ code: string; severity: 'error' | 'warning'; message: string; field?: string }>
  signOffs: Array<{ stage: 'finance' | 'chief_executive' | 'decision_maker'; name?: string; title: string; on: string }>
  areas?: string[]
}

export const demoOffices: DemoOffice[] = [
  {
    name: 'Nottinghamshire Office of the Police and Crime Commissioner',
    shortName: 'Nottinghamshire',
    decisionMakerTitle: 'Police and Crime Commissioner',
    referenceFormat: '{yyyy}.{seq:3}',
    openDataPrefix: 'nopcc',
    areaDescription: 'Nottingham and Nottinghamshire',
  },
  {
    name: 'Essex Office of the Police, Fire and Crime Commissioner',
    shortName: 'Essex',
    decisionMakerTitle: 'Police, Fire and Crime Commissioner',
    referenceFormat: 'PCC{seq:3}/{yy}',
    openDataPrefix: 'essexpfcc',
    areaDescription: 'Essex, Southend-on-Sea and Thurrock',
  },
  {
    name: 'Hampshire Office of the Police and Crime Commissioner',
    shortName: 'Hampshire',
    decisionMakerTitle: 'Police and Crime Commissioner',
    referenceFormat: 'PCCML/{seq:6}/{yyyy}',
    openDataPrefix: 'hampshireopcc',
    areaDescription: 'Hampshire, Southampton, Portsmouth and the Isle of Wight',
  },
]

export const demoOrganisations: DemoOrganisation[] = [
  { name: 'Nottinghamshire County Council', kind: 'council', orgId: 'GB-LAE-NTT' },
  { name: 'Nottingham City Council', kind: 'council', orgId: 'GB-LAE-NGM', aliases: ['the City Council'] },
  { name: 'Essex County Council', kind: 'council', orgId: 'GB-LAE-ESS', aliases: ['ECC'] },
  {
    name: 'Southend-on-Sea Borough Council',
    kind: 'council',
    orgId: 'GB-LAE-SOS',
    aliases: ['Southend-on-Sea City Council'],
  },
  { name: 'Thurrock Council', kind: 'council', orgId: 'GB-LAE-THR' },
  { name: 'Hampshire County Council', kind: 'council', orgId: 'GB-LAE-HAM', aliases: ['HCC'] },
  { name: 'Southampton City Council', kind: 'council', orgId: 'GB-LAE-STH' },
  { name: "Juno Women's Aid", kind: 'provider', aliases: ['Juno'] },
  { name: "Nottinghamshire Women's Aid", kind: 'provider', aliases: ['NWA'] },
  { name: 'Equation', kind: 'provider' },
  { name: 'Women’s Aid Integrated Services', kind: 'provider', aliases: ['WAIS'] },
  { name: 'Ministry of Justice', kind: 'government_department', orgId: 'GB-GOR-D18' },
  { name: 'Home Office', kind: 'government_department', orgId: 'GB-GOR-D22' },
]

export const demoFundingStreams = [
  {
    name: 'Community Safety Grant',
    office: 'Nottinghamshire',
    description: 'Grant the commissioner awards for community safety work.',
  },
  {
    name: 'Core commissioning budget',
    office: 'Nottinghamshire',
    description: "The commissioner's own budget for commissioned services.",
    conditions: 'Provides the match funding for the Home Office DA perpetrator grant.',
    matchFunding: true,
  },
  {
    name: 'Community Safety Fund',
    office: 'Nottinghamshire',
    description: 'Grant from the Home Office passed to commissioners until 2016.',
    terms: { grantStart: '2013-04-01', grantEnd: '2016-03-31', spendBy: '2016-03-31' },
  },
  {
    name: 'Home Office DA perpetrator grant',
    office: 'Nottinghamshire',
    funder: 'Home Office',
    description: 'Home Office grant for domestic abuse perpetrator interventions, bid for jointly with the councils.',
    terms: {
      grantStart: '2023-10-01',
      grantEnd: '2025-03-31',
      spendBy: '2025-03-31',
      agreementReference: 'HO-DAPI-23-NOT-07',
      ringFencedServiceTypes: ['perpetrator_programme', 'survivor_support'],
      // The commissioner's core budget is the agreed match funding: the decision paying it is recorded, but the
      // match funding itself is not yet recorded as a contribution, so the register finds it short.
      matchFunding: [
        {
          financialYear: 2024,
          fromName: 'Nottinghamshire Office of the Police and Crime Commissioner',
          amountPence: 21_556_669,
        },
      ],
    },
  },
  {
    name: "Victims' commissioning fund",
    office: 'Essex',
    funder: 'Ministry of Justice',
    description: "The commissioner's fund for victims' services.",
  },
  {
    name: 'MoJ victims grant',
    office: 'Hampshire',
    funder: 'Ministry of Justice',
    description: 'Annual Ministry of Justice grant for victims’ services.',
    conditions: 'Awarded one year at a time.',
    terms: {
      grantStart: '2024-04-01',
      grantEnd: '2025-03-31',
      spendBy: '2025-03-31',
      fundingStatus: 'expected' as const,
      agreementReference: 'MOJ-VSG-2024-HAM',
      ringFenceNames: ['ISVA', 'IDVA'],
    },
  },
  {
    name: 'Safer Communities Fund',
    office: 'Hampshire',
    description: 'The commissioner’s fund for community safety projects.',
  },
]

export const demoAreas = [
  { name: 'Ashfield', kind: 'district' as const },
  { name: 'Mansfield', kind: 'district' as const },
  { name: 'Nottingham', kind: 'city' as const },
  { name: 'Nottinghamshire', kind: 'county' as const },
  { name: 'Essex', kind: 'county' as const },
  { name: 'Southend-on-Sea', kind: 'unitary' as const },
  { name: 'Thurrock', kind: 'unitary' as const },
  { name: 'Hampshire', kind: 'county' as const },
  { name: 'Southampton', kind: 'city' as const },
]

export const demoServices: DemoService[] = [
  {
    name: 'Domestic abuse partnership car pilot',
    type: 'partnership_car',
    office: 'Nottinghamshire',
    lead: 'Nottinghamshire County Council',
    providers: ["Juno Women's Aid", "Nottinghamshire Women's Aid"],
    areas: ['Ashfield', 'Mansfield'],
    start: '2021-04-01',
    end: '2022-03-31',
    description:
      'Specialist support workers ride with police officers on Friday and Saturday nights as a second response to domestic abuse calls.',
  },
  {
    name: 'Perpetrator programme survivor support',
    type: 'survivor_support',
    office: 'Nottinghamshire',
    providers: ["Juno Women's Aid", "Nottinghamshire Women's Aid", 'Equation'],
    areas: ['Nottingham', 'Nottinghamshire'],
    start: '2023-10-01',
    end: '2025-09-30',
    description:
      'IDVA support for the partners of people on the perpetrator programme and in the Integrated Offender Management scheme.',
  },
  {
    name: 'Medium risk domestic abuse service (City)',
    type: 'outreach',
    office: 'Nottinghamshire',
    providers: ['Women’s Aid Integrated Services'],
    areas: ['Nottingham'],
    start: '2013-10-01',
    end: '2016-03-31',
    description: 'A medium risk intervention worker for repeat victims of domestic abuse in the city.',
  },
  {
    name: 'Essex integrated domestic abuse service',
    type: 'idva',
    office: 'Essex',
    lead: 'Essex County Council',
    areas: ['Essex', 'Southend-on-Sea', 'Thurrock'],
    start: '2019-04-01',
    end: '2024-03-31',
    description: 'One jointly commissioned contract combining IDVA support and community-based support.',
  },
  {
    name: 'Integrated Domestic Abuse Service Hampshire (IDASH)',
    type: 'idva',
    office: 'Hampshire',
    lead: 'Hampshire County Council',
    areas: ['Hampshire'],
    start: '2015-04-01',
    end: '2019-03-31',
    description: 'The victims’ service that the 2019 contract replaced.',
  },
  {
    name: 'Domestic Abuse Prevention Partnership (DAPP)',
    type: 'perpetrator_programme',
    office: 'Hampshire',
    lead: 'Hampshire County Council',
    areas: ['Hampshire', 'Southampton'],
    start: '2015-11-01',
    end: '2019-03-31',
    description:
      'The perpetrator service that the 2019 contract replaced; renewed by a separate contract from April 2018.',
  },
  {
    name: 'Hampshire domestic abuse support service for victims',
    type: 'idva',
    office: 'Hampshire',
    lead: 'Hampshire County Council',
    areas: ['Hampshire'],
    start: '2019-04-01',
    end: '2024-03-31',
    extensionMonths: 24,
    extensionText: 'option to extend for a further 2 years',
    breakNoticeMonths: 6,
    predecessor: 'Integrated Domestic Abuse Service Hampshire (IDASH)',
    description: 'IDVA, refuge, outreach and group support for victims, with or without police involvement.',
  },
  {
    name: 'Hampshire and Southampton domestic abuse perpetrator service',
    type: 'perpetrator_programme',
    office: 'Hampshire',
    lead: 'Hampshire County Council',
    areas: ['Hampshire', 'Southampton'],
    start: '2019-04-01',
    end: '2024-03-31',
    extensionMonths: 24,
    extensionText: 'option to extend for a further two years',
    breakNoticeMonths: 6,
    predecessor: 'Domestic Abuse Prevention Partnership (DAPP)',
    description: 'Work with perpetrators of domestic abuse to reduce harm and reoffending.',
  },
]

const oct23 = { label: 'Oct23- Mar24', start: '2023-10-01', end: '2024-03-31' }
const apr24 = { label: 'Apr24- Mar25', start: '2024-04-01', end: '2025-03-31' }
const apr25 = { label: 'Apr25- Sept25', start: '2025-04-01', end: '2025-09-30' }
const perpetratorSupport = 'Perpetrator programme survivor support'

function periodRow(recipient: string, amounts: [string, string, string], extra: Partial<DemoAward> = {}): DemoAward[] {
  return [oct23, apr24, apr25].map((period, i) => ({
    recipient,
    pounds: amounts[i]!,
    period,
    stream: 'Core commissioning budget',
    service: perpetratorSupport,
    ...extra,
  }))
}

/** What the partnership car pilot's two awards share: all but their recipient and amount. */
const carPilotTerms = {
  period: { label: '2021/22', start: '2021-04-01', end: '2022-03-31' },
  via: 'Nottinghamshire County Council',
  route: 'framework_call_off',
  stream: 'Community Safety Grant',
  service: 'Domestic abuse partnership car pilot',
  purpose: 'Specialist workers for the partnership car pilot',
} satisfies Omit<DemoAward, 'recipient' | 'pounds'>

export const demoDecisions: DemoDecision[] = [
  {
    office: 'Nottinghamshire',
    reference: '2021.021',
    kind: 'decision',
    title: 'Domestic Abuse Partnership Car Pilot',
    received: '2021-03-09',
    decided: '2021-03-16',
    published: '2021-03-25',
    author: 'Commissioning officer, Nottinghamshire OPCC',
    summary:
      'A one-year pilot from 1 April 2021 in which specialist domestic abuse workers go out with police officers on Friday and Saturday nights in Ashfield and Mansfield, as a second response where a survivor does not want to talk to the police. The police provide the car and officers; the commissioner is asked to pay for the specialist workers.',
    sections: [
      {
        key: 'supporting_information',
        heading: 'Information in support of the decision',
        body: 'The force agreed the pilot in its 2020 budget round and the commissioner agreed funding in principle; lockdowns delayed the start. Ashfield and Mansfield have the highest rates of domestic abuse call-outs in the county. The pilot will record criminal justice outcomes and any fall in repeat call-outs. The support is called off under the County Council’s domestic abuse framework.',
      },
      {
        key: 'financial_information',
        heading: 'Financial information',
        body: 'Revenue funding, within budget, from the Community Safety Grant.',
      },
    ],
    decisionText:
      'Approve £47,013 from the Community Safety Grant for the specialist workers: £23,966 to Juno Women’s Aid and £23,047 to Nottinghamshire Women’s Aid, paid to Nottinghamshire County Council as lead commissioner under the Inter Authority Agreement and called off under its Domestic Abuse Framework Agreement.',
    revenueOrCapital: 'revenue',
    inBudget: true,
    decisionMaker: 'Police and Crime Commissioner',
    statedTotal: '47013.00',
    areas: ['Ashfield', 'Mansfield'],
    awards: [
      { recipient: "Juno Women's Aid", pounds: '23966.00', ...carPilotTerms },
      { recipient: "Nottinghamshire Women's Aid", pounds: '23047.00', ...carPilotTerms },
    ],
    signOffs: [
      { stage: 'finance', title: 'Chief Finance Officer', on: '2021-03-10' },
      { stage: 'chief_executive', title: 'Chief Executive', on: '2021-03-15' },
      { stage: 'decision_maker', title: 'Police and Crime Commissioner', on: '2021-03-16' },
    ],
  },
  {
    office: 'Nottinghamshire',
    reference: '2024.006',
    kind: 'decision',
    title: 'DA Perpetrator/IOM Survivor Support Service',
    received: '2024-02-01',
    decided: '2024-03-01',
    published: '2024-03-12',
    author: 'Commissioning officer, Nottinghamshire OPCC',
    summary:
      'IDVA support for the survivors linked to people on the "Your Choice" perpetrator programme, which started on 1 October 2023, and to people managed under Integrated Offender Management. Juno Women’s Aid and Nottinghamshire Women’s Aid support female survivors and Equation supports male survivors, commissioned through the City and County Councils.',
    sections: [
      {
        key: 'supporting_information',
        heading: 'Information in support of the decision',
        body: 'Survivor support must run alongside the perpetrator programme for it to be delivered safely and to keep its accreditation. Juno receives a direct award for the city from October 2023 to March 2024 because leaving survivors without support until the City Council’s new framework starts on 1 April 2024 would put them at greater risk of harm.',
      },
      {
        key: 'financial_information',
        heading: 'Financial information',
        body: 'Paid from the core commissioning budget, £429,795.55 across three financial years: £95,890.75 in 2023/24, £215,566.69 in 2024/25 and £118,338.11 in 2025/26. This is the agreed match funding for the Home Office DA perpetrator grant.',
      },
    ],
    decisionText:
      'Approve funding of £429,795.55 in total, through Nottinghamshire County Council and Nottingham City Council, for domestic abuse survivor support services.',
    revenueOrCapital: 'revenue',
    inBudget: true,
    decisionMaker: 'Police and Crime Commissioner',
    statedTotal: '429795.55',
    areas: ['Nottingham', 'Nottinghamshire'],
    awards: [
      ...periodRow("Nottinghamshire Women's Aid", ['11417.00', '29223.00', '14611.50'], {
        via: 'Nottinghamshire County Council',
        route: 'framework_call_off',
        purpose: 'Perpetrator programme survivor support, county north',
      }),
      ...periodRow("Juno Women's Aid", ['13214.55', '33997.16', '16988.58'], {
        route: 'direct_award',
        routeJustification:
          'Avoids a gap in support, and the risk of harm to survivors, until the City Council framework starts on 1 April 2024.',
        purpose: 'Perpetrator programme survivor support, city',
      }),
      ...periodRow("Juno Women's Aid", ['11718.56', '30148.43', '15084.22'], {
        via: 'Nottingham City Council',
        route: 'framework_call_off',
        purpose: 'Perpetrator programme survivor support, county south',
      }),
      ...periodRow('Equation', ['3031.64', '6063.28', '1515.82'], {
        via: 'Nottingham City Council',
        route: 'framework_call_off',
        purpose: 'Perpetrator programme survivor support for male survivors, city and county',
      }),
      ...periodRow("Nottinghamshire Women's Aid", ['10471.00', '21296.00', '21296.00'], {
        purpose: 'IOM survivor support',
      }),
      ...periodRow("Juno Women's Aid", ['46038.00', '94838.82', '48841.99'], { purpose: 'IOM survivor support' }),
    ],
    findings: [
      {
        code: 'amount_unreadable',
        severity: 'error',
        field: 'awards',
        message:
          'The Apr25- Sept25 amount for Juno (county south) is printed "£15,5074.22", which is not an amount. The column total of £48,200.12 leaves £15,084.22 as the only value that fits; the record holds £15,084.22.',
      },
      {
        code: 'total_mismatch',
        severity: 'error',
        field: 'awards',
        message:
          'Read as £15,074.22, the Apr25- Sept25 survivor support rows add up to £48,190.12, £10.00 less than the stated total of £48,200.12.',
      },
      {
        code: 'period_conflict',
        severity: 'warning',
        field: 'service_period',
        message: 'The summary says the programme runs until 31 March 2025, but the budget runs to September 2025.',
      },
      {
        code: 'amount_noise',
        severity: 'warning',
        field: 'awards',
        message: 'The Apr25- Sept25 amount for NWA is printed "£14.611.50"; read as £14,611.50.',
      },
    ],
    signOffs: [
      { stage: 'finance', title: 'Chief Finance Officer', on: '2024-02-23' },
      { stage: 'chief_executive', title: 'Chief Executive', on: '2024-02-23' },
      { stage: 'decision_maker', name: 'Caroline Henry', title: 'Police and Crime Commissioner', on: '2024-03-01' },
    ],
  },
  {
    office: 'Essex',
    reference: 'PCC036/18',
    kind: 'report',
    title: 'Essex domestic abuse commissioning approach',
    received: '2018-03-21',
    decided: '2018-04-13',
    published: '2018-04-20',
    author: 'Commissioning lead, Essex OPFCC',
    summary:
      'Brings the commissioner’s IDVA service and the councils’ community-based domestic abuse support together into one contract, commissioned jointly by the commissioner and the three upper-tier councils of Essex.',
    sections: [
      {
        key: 'recommendations',
        heading: '2. Recommendations',
        body: 'Approve combining the commissioner-funded IDVA service and the council-funded community support service into one jointly commissioned contract.',
      },
      {
        key: 'background',
        heading: '4. Background and proposal',
        body: 'The commissioner and the three upper-tier councils have jointly commissioned the IDVA service for four years under a collaboration agreement. The new contract is expected to cost £2.125m a year: £1.632m from Essex County Council, £451k from the commissioner, £25k from Southend-on-Sea Borough Council and £17k from Thurrock Council, the same as each partner spends now.',
      },
      {
        key: 'financial_information',
        heading: '7. Financial implications',
        body: 'None directly. After procurement a further decision will commit the commissioner to £451,000 a year from the victims’ commissioning fund, paid to Essex County Council for the length of the contract.',
      },
      {
        key: 'legal',
        heading: '8. Legal implications',
        body: 'Essex County Council and the commissioner will both sign the contract; a partnership agreement will set out each funder’s obligations before it starts.',
      },
      {
        key: 'equality',
        heading: '10. Equality and diversity implications',
        body: 'The lead commissioner is carrying out an equality impact assessment.',
      },
    ],
    decisionText: 'The recommendations are agreed.',
    decisionMaker: 'Police, Fire and Crime Commissioner',
    statedTotal: '2125000.00',
    statedTotalPerAnnum: true,
    areas: ['Essex', 'Southend-on-Sea', 'Thurrock'],
    contributions: [
      {
        organisation: 'Essex County Council',
        pounds: '1632000.00',
        perAnnum: true,
        service: 'Essex integrated domestic abuse service',
      },
      {
        organisation: 'Essex Office of the Police, Fire and Crime Commissioner',
        pounds: '451000.00',
        perAnnum: true,
        service: 'Essex integrated domestic abuse service',
      },
      {
        organisation: 'Southend-on-Sea Borough Council',
        pounds: '25000.00',
        perAnnum: true,
        service: 'Essex integrated domestic abuse service',
      },
      {
        organisation: 'Thurrock Council',
        pounds: '17000.00',
        perAnnum: true,
        service: 'Essex integrated domestic abuse service',
      },
    ],
    signOffs: [
      { stage: 'chief_executive', name: 'David Lawson', title: 'Chief Executive', on: '2018-04-11' },
      { stage: 'finance', name: 'Arben Gougn', title: 'Chief Financial Officer', on: '2018-04-13' },
      { stage: 'decision_maker', name: 'Jane Gardner', title: 'Police, Fire and Crime Commissioner', on: '2018-04-13' },
    ],
  },
  {
    office: 'Hampshire',
    reference: 'PCCML/000407/2018',
    kind: 'decision',
    title:
      'Domestic Abuse Support Service for Victims (Hampshire only) and Domestic Abuse Perpetrators Service (Hampshire and Southampton)',
    received: '2018-04-03',
    decided: '2018-05-23',
    published: '2018-06-01',
    author: 'Head of Strategic Commissioning and Partnerships',
    summary:
      'The IDASH victims’ contract and the DAPP perpetrator contract both end on 31 March 2019. The commissioner continues to commission with Hampshire County Council (victims) and with Hampshire County Council and Southampton City Council (perpetrators) from April 2019 to March 2024, with the option of two more years.',
    sections: [
      {
        key: 'recommendations',
        heading: '2. Recommendations',
        body: 'Contribute up to £294,500 a year to the victims’ service, subject to Hampshire County Council contributing up to £1,483,900 a year, and up to £70,000 a year to the perpetrators’ service, subject to Southampton City Council contributing up to £40,000 and Hampshire County Council up to £100,000 a year. Any percentage reduction by a council may be matched by the commissioner. Authority to choose the contract model and sign the contracts is delegated to the Head of Strategic Commissioning and Partnerships.',
      },
      {
        key: 'other',
        heading: '4. Options appraisal',
        body: 'Returning to annual grants was considered and rejected: multi-year contracts give providers stability, allow evaluation and match the councils’ approach.',
      },
      {
        key: 'financial_information',
        heading: '5. Financial and resourcing implications',
        body: 'The victims’ contribution depends on annual Ministry of Justice funding; the perpetrators’ contribution depends on the Safer Communities Fund. Extending by two years would need a new decision.',
      },
      {
        key: 'legal',
        heading: '7. Legal implications',
        body: 'Section 143 of the Anti-social Behaviour, Crime and Policing Act 2014 lets the commissioner arrange services that reduce crime and disorder or help victims and witnesses.',
      },
      {
        key: 'risks',
        heading: '8. Risks and mitigation',
        body: 'Either party may end the contract on six months’ notice without giving a reason.',
      },
      {
        key: 'consultation',
        heading: 'Persons consulted',
        body: 'Chief Executive; Chief Finance Officer; Estate Strategy and Delivery Director; Head of Communications and Engagement; Head of Strategic Commissioning; Head of Performance and Delivery; Executive Advisor; Legal Advisor.',
      },
    ],
    decisionText: 'The recommendations are approved.',
    decisionMaker: 'Police and Crime Commissioner',
    areas: ['Hampshire', 'Southampton'],
    contributions: [
      {
        organisation: 'Hampshire Office of the Police and Crime Commissioner',
        pounds: '294500.00',
        perAnnum: true,
        upTo: true,
        condition:
          'Subject to annual Ministry of Justice funding and to Hampshire County Council contributing up to £1,483,900 a year',
        proRata: true,
        service: 'Hampshire domestic abuse support service for victims',
      },
      {
        organisation: 'Hampshire County Council',
        pounds: '1483900.00',
        perAnnum: true,
        upTo: true,
        service: 'Hampshire domestic abuse support service for victims',
      },
      {
        organisation: 'Hampshire Office of the Police and Crime Commissioner',
        pounds: '70000.00',
        perAnnum: true,
        upTo: true,
        condition: 'Subject to the Safer Communities Fund and to the councils’ contributions',
        proRata: true,
        service: 'Hampshire and Southampton domestic abuse perpetrator service',
      },
      {
        organisation: 'Southampton City Council',
        pounds: '40000.00',
        perAnnum: true,
        upTo: true,
        service: 'Hampshire and Southampton domestic abuse perpetrator service',
      },
      {
        organisation: 'Hampshire County Council',
        pounds: '100000.00',
        perAnnum: true,
        upTo: true,
        service: 'Hampshire and Southampton domestic abuse perpetrator service',
      },
    ],
    signOffs: [
      { stage: 'decision_maker', name: 'Michael Lane', title: 'Police and Crime Commissioner', on: '2018-05-23' },
    ],
  },
  {
    office: 'Nottinghamshire',
    reference: '10653',
    kind: 'foi_response',
    title: 'Freedom of Information response: medium risk domestic abuse service in Nottingham',
    received: '2013-10-17',
    decided: '2013-11-06',
    published: '2013-11-20',
    author: 'Office Manager',
    summary:
      'Answers six questions about how a medium risk domestic abuse service in Nottingham was commissioned from WAIS, what it costs and how long it runs, and explains the late publication of an earlier response (7617/13).',
    sections: [
      {
        heading: 'How the service was commissioned',
        body: 'A business case for medium risk services allocated the work to the existing specialist domestic abuse providers.',
      },
      { heading: 'How long the service runs', body: 'It is funded by a Community Safety Fund grant until 2016.' },
      { heading: 'The value of the contract', body: '£86,000.' },
      {
        heading: 'What the service delivers',
        body: 'The Deputy Commissioner secured £130k for work with repeat victims of domestic abuse, especially at medium risk, including one Medium Risk Intervention Worker each for the City, County South and County North.',
      },
      {
        heading: 'The earlier request 7617/13',
        body: 'Publication of that response was delayed by annual leave; it is now on the website.',
      },
    ],
    decisionMaker: 'Office Manager',
    areas: ['Nottingham'],
    awards: [
      {
        recipient: 'Women’s Aid Integrated Services',
        pounds: '86000.00',
        period: { label: 'until 2016', start: '2013-10-01', end: '2016-03-31' },
        route: 'grant',
        stream: 'Community Safety Fund',
        service: 'Medium risk domestic abuse service (City)',
        purpose: 'Medium risk domestic abuse service in Nottingham',
      },
    ],
    signOffs: [{ stage: 'decision_maker', title: 'Office Manager', on: '2013-11-06' }],
  },
]

/** The FOI request behind the response above; the requester is fictional and never shown. */
export const demoFoiRequest = {
  office: 'Nottinghamshire',
  reference: '10653',
  decisionReference: '10653',
  received: '2013-10-17',
  answered: '2013-11-06',
  published: '2013-11-20',
  channel: 'email' as const,
  requesterName: 'Demonstration Requester',
  requesterContact: 'requester@example.org',
  outcome: 'released_in_full' as const,
  questions: [
    {
      question: 'How was this medium risk service commissioned to WAIS?',
      answer:
        'Through a business case for commissioning medium risk services, which allocated the work to the current specialist providers.',
    },
    {
      question: 'If it was not put out to open tender, why was WAIS selected, and under what policy?',
      answer:
        'The business case sets out why the medium risk work went to the existing specialist domestic abuse providers.',
    },
    {
      question: 'How does this fit with Nottingham City commissioning pathways?',
      answer:
        'The City Council has reviewed its domestic violence commissioning and reported options to the Health and Well-being Board.',
    },
    {
      question: 'Is this time limited, and if so for how long?',
      answer: 'It is funded by a Community Safety Fund grant until 2016.',
    },
    { question: 'What is the value of the contract?', answer: '£86,000.' },
    {
      question: 'What will the service deliver?',
      answer:
        'Support for repeat victims of medium risk domestic abuse, including a Medium Risk Intervention Worker each for the City, County South and County North.',
    },
  ],
}

export interface DemoPlanEntry {
  office: string
  title: string
  /** YYYY-MM */
  expected: string
  estimate?: string
  service?: string
  key?: boolean
  /** The reference of the decision that took it. */
  takenBy?: string
  dropped?: { on: string; reason: string }
}

/**
 * A forward plan with a mix: taken on time (Essex, April 2018), taken late (Nottinghamshire, expected January
 * 2024, decided March 2024), dropped, outstanding past its month and still to come. Nottinghamshire's car pilot
 * (decided March 2021) was never on the plan.
 */
export const demoForwardPlan: DemoPlanEntry[] = [
  {
    office: 'Essex',
    title: 'Agree how domestic abuse services will be commissioned from 2019',
    expected: '2018-04',
    service: 'Essex integrated domestic abuse service',
    key: true,
    takenBy: 'PCC036/18',
  },
  {
    office: 'Nottinghamshire',
    title: 'Extend the out-of-hours victim helpline for a further year',
    expected: '2021-01',
    estimate: '36,000',
    dropped: {
      on: '2021-03-02',
      reason: 'Included in the regional victim care contract that the lead force is letting.',
    },
  },
  {
    office: 'Nottinghamshire',
    title: 'Fund support for survivors whose partners join the perpetrator programme',
    expected: '2024-01',
    estimate: '250,000',
    service: 'Perpetrator programme survivor support',
    key: true,
    takenBy: '2024.006',
  },
  {
    office: 'Nottinghamshire',
    title: 'Grant for independent sexual violence advisers in 2024/25',
    expected: '2024-02',
    estimate: '85,000',
  },
  {
    office: 'Nottinghamshire',
    title: 'Decide whether to take up the city medium risk service’s extension',
    expected: '2024-03',
    service: 'Medium risk domestic abuse service (City)',
    dropped: { on: '2024-03-20', reason: 'The service ended in 2016 and was replaced; nothing is left to extend.' },
  },
  {
    office: 'Nottinghamshire',
    title: 'Refuge bed spaces for 2028/29',
    expected: '2028-02',
    estimate: '410,000',
    key: true,
  },
]
