import { test } from 'node:test'
import assert from 'node:assert/strict'
import { findRequesterIn } from '../../../../src/services/foi/personal-data.ts'

const answer = (text: string) => [{ place: 'the answer to question 1', text }]

test('a surname alone, in any case and with or without accents, blocks publication', () => {
  assert.match(
    findRequesterIn(answer('Dear Mr Quillfeather, thank you.'), 'Barnaby Quillfeather', null) ?? '',
    /answer to question 1 contains the requester’s name or contact \(their surname “quillfeather”\)/,
  )
  assert.match(findRequesterIn(answer('Dear Ms OZTURK,'), 'Zoë Öztürk', null) ?? '', /surname “ozturk”/)
  assert.match(findRequesterIn(answer('Dear Zoe,'), 'Zoë Öztürk', null) ?? '', /forename “zoe”/)
})

test('a forename of three letters or more blocks publication; a shorter one and a title do not', () => {
  assert.match(findRequesterIn(answer('Hello Barnaby.'), 'Mr Barnaby Quillfeather', null) ?? '', /forename “barnaby”/)
  assert.equal(findRequesterIn(answer('Jo said mr smith is not here.'), 'Mr Jo Quillfeather', null), null)
  assert.equal(findRequesterIn(answer('We funded refuges in Barnabyshire.'), 'Barnaby Quillfeather', null), null)
})

test('an email address or its local part blocks publication', () => {
  assert.match(
    findRequesterIn(answer('Reply sent to b.quill@example.org.'), 'Ann Other', 'b.quill@example.org') ?? '',
    /email address/,
  )
  assert.match(
    findRequesterIn(answer('Account B.Quill was consulted.'), 'Ann Other', 'b.quill@example.org') ?? '',
    /email name “b\.quill”/,
  )
})

test('a phone number blocks publication whatever its spacing and prefix', () => {
  for (const written of ['07700 900123', '07700900123', '+44 (0)7700-900-123', '+44 7700 900 123']) {
    assert.match(
      findRequesterIn(answer(`Call ${written} for more.`), 'Ann Other', '07700 900123') ?? '',
      /phone number/,
      written,
    )
  }
  assert.equal(findRequesterIn(answer('In 2024 we spent £7,700 on 900 leaflets.'), 'Ann Other', '07700 900123'), null)
})

test('the message names the first place the requester appears', () => {
  const texts = [
    { place: 'the summary', text: 'Refuge funding' },
    { place: 'question 2', text: 'What did you fund?' },
    { place: 'the answer to question 2', text: 'Dear Ms Quillfeather' },
  ]
  assert.match(findRequesterIn(texts, 'Barnaby Quillfeather', null) ?? '', /^The answer to question 2 contains/)
  assert.equal(findRequesterIn(texts.slice(0, 2), 'Barnaby Quillfeather', 'b@example.org'), null)
})
