// Progressive enhancement of the upload form: when several documents or a ZIP archive are chosen, the form
// is sent with fetch and the page follows the reading ("Reading file 3 of 12") in a live region, filling the
// same table of results the page without JavaScript shows. One document alone is posted as before, and
// opens its record for review.
const form = document.getElementById('upload-form')
const panel = document.getElementById('upload-progress')
const input = document.getElementById('document')

const isArchive = (file) => /\.zip$/i.test(file.name)

function show(element, shown) {
  element.hidden = !shown
}

function cell(row, ...children) {
  const td = document.createElement('td')
  td.className = 'govuk-table__cell'
  for (const child of children) if (child) td.append(child)
  row.append(td)
  return td
}

function tag(outcome) {
  const strong = document.createElement('strong')
  const [label, colour] =
    outcome === 'imported' ? ['Imported', 'green'] : outcome === 'unchanged' ? ['Unchanged', 'grey'] : ['Failed', 'red']
  strong.className = `govuk-tag govuk-tag--${colour}`
  strong.textContent = label
  return strong
}

function resultRow(result) {
  const row = document.createElement('tr')
  row.className = 'govuk-table__row'
  cell(row, result.fileName).classList.add('app-break-words')
  let reason = null
  if (result.reason) {
    reason = document.createElement('p')
    reason.className = 'govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0'
    reason.textContent = result.reason
  }
  cell(row, tag(result.outcome), reason && ' ', reason)
  if (result.decisionId) {
    const link = document.createElement('a')
    link.className = 'govuk-link'
    link.href = `/staff/imports/${result.decisionId}`
    link.textContent = result.title || 'Review the record'
    const hidden = document.createElement('span')
    hidden.className = 'govuk-visually-hidden'
    hidden.textContent = ` (from ${result.fileName})`
    link.append(hidden)
    cell(row, link)
  } else cell(row, 'None')
  return row
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

async function follow(statusUrl) {
  const status = document.getElementById('upload-status')
  const bar = document.getElementById('upload-progress-bar')
  const body = document.querySelector('#upload-results tbody')
  let shown = 0
  for (;;) {
    const response = await fetch(statusUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    if (!response.ok) throw new Error('The register lost track of the upload: see the records awaiting review')
    const job = await response.json()
    for (; shown < job.results.length; shown++) body.append(resultRow(job.results[shown]))
    show(document.getElementById('upload-results-box'), shown > 0)
    bar.max = Math.max(job.total, 1)
    bar.value = job.results.length
    if (job.done) return job
    status.textContent = `Reading file ${job.reading} of ${job.total}${job.current ? `: ${job.current}` : ''}`
    await new Promise((resolve) => setTimeout(resolve, 400))
  }
}

function finish(job, problem) {
  const heading = document.querySelector('h1')
  heading.textContent = 'Documents uploaded'
  document.title = document.title.replace(/^Upload a document/, 'Documents uploaded')
  const status = document.getElementById('upload-status')
  const summary = document.getElementById('upload-summary')
  if (job) {
    status.textContent = `Read ${job.results.length} of ${plural(job.total, 'document')}.`
    summary.textContent = `${plural(job.results.length, 'document')}: ${job.counts.imported} imported, ${job.counts.unchanged} unchanged (imported before), ${job.counts.failed} failed. Each imported record waits for review before it is public.`
    show(summary, true)
  }
  if (problem || (job && job.problem)) {
    const message = document.getElementById('upload-problem')
    message.textContent = problem || job.problem
    show(message.closest('.govuk-warning-text'), true)
  }
  show(document.getElementById('upload-after'), true)
  heading.setAttribute('tabindex', '-1')
  heading.focus()
}

if (form && panel && input && window.fetch && window.FormData) {
  form.addEventListener('submit', async (event) => {
    const files = [...(input.files || [])]
    if (files.length < 2 && !files.some(isArchive)) return
    event.preventDefault()
    show(form, false)
    show(document.getElementById('upload-intro'), false)
    show(panel, true)
    const status = document.getElementById('upload-status')
    status.textContent = `Sending ${plural(files.length, 'file')}`
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body: new FormData(form),
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      })
      const started = await response.json().catch(() => ({}))
      if (!response.ok) throw new Error(started.error || 'The documents could not be uploaded: try again')
      finish(await follow(started.statusUrl))
    } catch (error) {
      finish(null, error.message)
    }
  })
}
