// Progressive enhancement of an organisation name box: suggestions from the register's organisations and
// their aliases as the officer types (accessible-autocomplete). Without JavaScript the box is a plain text
// input, and the server asks "Did you mean …?" for a name it does not know.
const autocomplete = window.accessibleAutocomplete

function label(option) {
  if (typeof option === 'string') return option
  if (!option) return ''
  return option.alias ? `${option.name} (also known as ${option.alias})` : option.name
}

function enhance(input) {
  const container = document.createElement('div')
  input.parentNode.insertBefore(container, input)
  const describedBy = input.getAttribute('aria-describedby')
  const error = input.classList.contains('govuk-input--error')
  input.remove()
  autocomplete({
    element: container,
    id: input.id,
    name: input.name,
    defaultValue: input.value,
    minLength: 2,
    confirmOnBlur: false,
    showNoOptionsFound: false,
    inputClasses: error ? 'govuk-input--error' : undefined,
    source(query, populate) {
      fetch(`/staff/decisions/organisation-names?q=${encodeURIComponent(query)}`, { credentials: 'same-origin' })
        .then((response) => (response.ok ? response.json() : []))
        .then(populate, () => populate([]))
    },
    templates: {
      inputValue: (option) => (typeof option === 'string' ? option : (option?.name ?? '')),
      suggestion: label,
    },
  })
  const enhanced = container.querySelector('input')
  if (enhanced && describedBy) {
    const own = enhanced.getAttribute('aria-describedby')
    enhanced.setAttribute('aria-describedby', own ? `${describedBy} ${own}` : describedBy)
  }
}

if (typeof autocomplete === 'function') {
  for (const input of document.querySelectorAll('input[data-organisation-autocomplete]')) enhance(input)
}
