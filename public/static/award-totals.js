// Recalculates the totals per financial year as amounts are typed. Without JavaScript the
// "Update totals" button does the same on the server. Amounts are summed in whole pence.
const form = document.getElementById('money-form')
const totals = document.querySelector('#award-totals tbody')
if (form && totals) {
  const toPence = (text) => {
    const match = /^£?\s*(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim())
    return match ? Number(match[1].replace(/,/g, '')) * 100 + Number((match[2] || '').padEnd(2, '0')) : null
  }
  const format = (pence) => '£' + Math.trunc(pence / 100).toLocaleString('en-GB') + '.' + String(pence % 100).padStart(2, '0')
  const recalculate = () => {
    const byYear = new Map()
    for (const row of form.querySelectorAll('[data-award-row]')) {
      const year = row.querySelector('[data-year]')
      const pence = toPence(row.querySelector('[data-amount]').value)
      const recurring = [...row.querySelectorAll('[data-recurring]')].some((box) => box.checked)
      if (pence === null || !year.value || recurring) continue
      const label = year.options[year.selectedIndex].text
      byYear.set(label, (byYear.get(label) || 0) + pence)
    }
    totals.replaceChildren(...[...byYear.entries()].sort().map(([label, pence]) => {
      const tr = document.createElement('tr')
      tr.className = 'govuk-table__row'
      const th = document.createElement('th')
      th.scope = 'row'
      th.className = 'govuk-table__header'
      th.textContent = label
      const td = document.createElement('td')
      td.className = 'govuk-table__cell govuk-table__cell--numeric'
      td.textContent = format(pence)
      tr.append(th, td)
      return tr
    }))
  }
  form.addEventListener('input', recalculate)
  form.addEventListener('change', recalculate)
  recalculate()
}
