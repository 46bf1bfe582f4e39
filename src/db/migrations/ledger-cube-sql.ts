/** The running totals of ledger_cube, each with the expression that adds up `r`'s rows times `sign`. */
export function cubeTotals(perYear: boolean, sign: string): Array<[column: string, total: string]> {
  const money = (filter: string, column = 'amount_pence') =>
    `${sign} * coalesce(sum(r.${column}) filter (where ${filter}), 0)`
  const oneOff = 'not r.per_annum and not r.up_to'
  const perAnnum = 'r.per_annum and not r.up_to'
  const shares: Array<[string, string]> = perYear
    ? [
        ['share_one_off_pence', money(oneOff, 'pence')],
        ['share_per_annum_pence', money(perAnnum, 'pence')],
        ['share_ceiling_pence', money('r.up_to', 'pence')],
      ]
    : [['unassigned_one_off_pence', money(`${oneOff} and not r.has_years`)]]
  return [
    ['awards', `${sign} * count(*)`],
    ['one_off_pence', money(oneOff)],
    ['per_annum_count', `${sign} * count(*) filter (where ${perAnnum})`],
    ['per_annum_pence', money(perAnnum)],
    ['ceiling_count', `${sign} * count(*) filter (where r.up_to)`],
    ['ceiling_pence', money('r.up_to')],
    ...shares,
  ]
}

/**
 * The SQL that adds ledger rows into the running totals, ledger_cube: one row per filter a person can choose
 * (`ledger_dimensions`) and financial year, 0 standing for the whole of each award. `rows` is the table or
 * transition table to add up, `perYear` whether its rows are ledger_years rows (shares of a financial year), and
 * `sign` 1 to add them or -1 to take them away, so a trigger and a rebuild keep the totals with one statement.
 */
export function addToCubeSql(rows: string, perYear: boolean, sign: string): string {
  const totals = cubeTotals(perYear, sign)
  return `insert into ledger_cube as c (dim, value, financial_year, ${totals.map(([column]) => column).join(', ')})
    select k.dim, k.value, ${perYear ? 'r.financial_year' : '0'}, ${totals.map(([, total]) => total).join(',\n      ')}
    from ${rows} r
    cross join lateral ledger_dimensions(r.recipient_id, r.stream_id, r.lead_id, r.route, r.service_type, r.office_id,
      r.service_id, r.area_ids) k
    group by k.dim, k.value${perYear ? ', r.financial_year' : ''}
  on conflict (dim, value, financial_year) do update set
    ${totals.map(([column]) => `${column} = c.${column} + excluded.${column}`).join(',\n    ')};`
}

/** ledger_flow, the one-off money from each funding stream through each lead to each recipient, indented by `indent`. */
export function ledgerFlowTableSql(indent = ''): string {
  return `create table ledger_flow (
  stream_key bigint not null,
  office_id bigint not null,
  lead_key bigint not null,
  recipient_key text not null,
  recipient_id bigint,
  recipient_name text not null,
  one_off_pence bigint not null default 0,
  primary key (stream_key, office_id, lead_key, recipient_key)
);`.replaceAll('\n', `\n${indent}`)
}

/** The filters of `ledger_dimensions` other than areas: the name of each, and the ledger row's column it filters. */
const DIMENSIONS = [
  ['recipient', 'r.recipient_id'],
  ['stream', 'r.stream_id'],
  ['lead', 'r.lead_id'],
  ['route', 'r.route'],
  ['service_type', 'r.service_type'],
  ['office', 'r.office_id'],
  ['service', 'r.service_id'],
] as const

/**
 * Fills an empty ledger_cube's totals for every row of `rows` (ledger_awards, or ledger_years when `perYear`) with
 * one pass of grouping sets and one over the rows' areas, rather than one row per dimension of every ledger row,
 * as `addToCubeSql` does. Both give the same totals; this is for rebuilding them whole.
 */
export function cubeFromScratchSql(rows: string, perYear: boolean): string {
  const totals = cubeTotals(perYear, '1')
  const columns = `dim, value, financial_year, ${totals.map(([column]) => column).join(', ')}`
  const chosen = (then: (dim: string, column: string) => string) =>
    `case ${DIMENSIONS.map(([dim, column]) => `when grouping(${column}) = 0 then ${then(dim, column)}`).join(' ')} else '' end`
  const year = perYear ? 'r.financial_year' : '0'
  const sums = totals.map(([column, total]) => `${total} as ${column}`).join(',\n        ')
  return `insert into ledger_cube (${columns})
    select ${columns} from (
      select ${chosen((dim) => `'${dim}'`)} as dim,
        ${chosen((_, column) => `${column}::text`)} as value,
        ${year} as financial_year,
        ${sums}
      from ${rows} r
      group by ${perYear ? 'r.financial_year, ' : ''}grouping sets ((), ${DIMENSIONS.map(([, column]) => `(${column})`).join(', ')})
    ) totals where value is not null;
  insert into ledger_cube (${columns})
    select 'area', area::text, ${year}, ${totals.map(([, total]) => total).join(', ')}
    from ${rows} r cross join unnest(r.area_ids) area
    group by area${perYear ? ', r.financial_year' : ''};`
}
