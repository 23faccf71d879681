import {
  articleDecider,
  Forbidden,
  PassageNotFound,
  REDACTION_NOTE,
  RedactionNotFound,
  RedactionPassageUnreadable,
  ValidationFailed,
  type ArticleCommand,
  type ContentRedacted,
} from '@newsroom/editorial-domain';
import {
  aLocation,
  anAdmin,
  anEditor,
  anOrder,
  anotherAdmin,
  by,
  confirmRedaction,
  contributorAdded,
  correctionIssued,
  declineRedaction,
  drafted,
  given,
  historyUntil,
  located,
  meta,
  nowhere,
  photoAttached,
  redactionDeclined,
  redactionRequested,
  requestRedaction,
  revised,
} from '@newsroom/testing';

// Issue #12: an admin orders a passage removed. The handler has found where the stored events
// hold it (`located`); the decider re-issues the article as it reads without it.

const SOURCE = 'Ada Lindqvist';
const naming = [
  drafted({
    headline: `${SOURCE} speaks`,
    standfirst: `A source, ${SOURCE}, talked to us.`,
    body: [
      { type: 'paragraph', text: `The plan was passed to us by ${SOURCE}.` },
      { type: 'quote', text: 'We will not stop.', attribution: `${SOURCE}, harbour master` },
      { type: 'paragraph', text: SOURCE },
    ],
  }),
  contributorAdded({ name: `${SOURCE} Jr`, affiliation: `Friends of ${SOURCE}` }),
  photoAttached({ caption: `${SOURCE} at the quay`, credit: 'Pat Photographer', altText: `${SOURCE} waves` }),
];
const asAdmin = meta(anAdmin());
const fourEyes = meta(anAdmin(), undefined, { fourEyesRedaction: true });
const redact = (data = {}, m = asAdmin) => requestRedaction({ passage: SOURCE, ...data }, m);
/** What the decider emits, to read one event's data closely. */
const decideOnce = (command: ArticleCommand, history: Parameters<typeof given> = naming) =>
  articleDecider.decide(command, given(...history).state) as [ContentRedacted];

describe('a legal redaction, without the four-eyes setting', () => {
  it('cuts the passage out of every text field of the working copy and keeps the rest of each', () => {
    given(...naming)
      .when(redact())
      .thenState((state) => {
        if (state.status === 'none') throw new Error('no article');
        expect(state.working).toMatchObject({
          headline: 'speaks',
          standfirst: 'A source, talked to us.',
          body: [
            { type: 'paragraph', text: 'The plan was passed to us by.' },
            { type: 'quote', text: 'We will not stop.', attribution: 'harbour master' },
            { type: 'paragraph', text: '[removed]' },
          ],
          contributors: [{ name: 'Jr', affiliation: 'Friends of' }],
          photos: [{ caption: 'at the quay', credit: 'Pat Photographer', altText: 'waves' }],
        });
        expect(JSON.stringify(state)).not.toContain(SOURCE);
      });
  });

  it('re-issues the live copy and the corrections too, and tells readers why', () => {
    const history = [
      ...historyUntil('published', naming),
      correctionIssued({ text: `An earlier version misspelt ${SOURCE}.` }),
    ];
    const [event] = decideOnce(redact(), history);
    expect(event.data.live?.headline).toBe('speaks');
    expect(event.data.corrections).toEqual([expect.objectContaining({ text: 'An earlier version misspelt.' })]);
    expect(event.data.note).toBe(REDACTION_NOTE);
  });

  it('records the order, who asked and the fields by reference, each field once, never the passage', () => {
    const field = aLocation({ eventId: 'event-7', path: 'body[0].text' });
    const [event] = decideOnce(redact({ located: located([field, field]) }));
    expect(event.data).toMatchObject({
      ...anOrder(),
      requestedBy: { id: anAdmin().id, name: anAdmin().name },
      fields: [field],
      erased: [],
      live: null,
    });
    expect(JSON.stringify(event.data)).not.toContain(SOURCE);
  });

  it('goes ahead for a passage only earlier versions held, leaving the working copy as it reads', () => {
    const history = [drafted({ headline: `${SOURCE} speaks` }), revised({ headline: 'A source speaks' })];
    const [event] = decideOnce(redact(), history);
    expect(event.data.working.headline).toBe('A source speaks');
    expect(event.data.fields).toEqual([aLocation()]);
  });

  it('is refused, naming the passage, when the passage occurs nowhere', () => {
    given(...naming)
      .when(redact({ passage: 'Nobody Atall', located: nowhere() }))
      .thenThrows(PassageNotFound, {
        code: 'PASSAGE_NOT_FOUND',
        details: [{ path: 'passage', message: 'does not occur in any version of the article' }],
      });
  });

  it('is refused, naming each field, when the order is incomplete or too long', () => {
    given(...naming)
      .when(redact({ passage: ' ', reason: '', legalBasis: 'x'.repeat(501), reference: undefined as never }))
      .thenThrows(ValidationFailed, {
        details: [
          { path: 'passage', message: 'must not be empty' },
          { path: 'reason', message: 'must not be empty' },
          { path: 'legalBasis', message: 'must be at most 500 characters' },
          { path: 'reference', message: 'must be a string' },
        ],
      });
  });

  it('is the admins’ alone', () => {
    given(...naming)
      .when(redact({}, meta(anEditor())))
      .thenThrows(Forbidden, { role: 'editor', reason: 'legal redactions are for admins' });
  });
});

describe('a legal redaction under the four-eyes setting', () => {
  const requested = [...naming, by(anAdmin(), redactionRequested(SOURCE))];

  it('waits for a second admin, the passage kept only in the request', () => {
    given(...naming)
      .when(redact({}, fourEyes))
      .then({ type: 'RedactionRequested', data: { ...anOrder(), passage: SOURCE } });
  });

  it('takes effect when another admin confirms it, in the name of the admin who asked', () => {
    given(...requested)
      .when(confirmRedaction({ located: located() }, meta(anotherAdmin())))
      .thenState((state) => {
        if (state.status === 'none') throw new Error('no article');
        expect(state.working.headline).toBe('speaks');
        expect(state.pendingRedactions).toEqual([]);
      });
    const [event] = decideOnce(confirmRedaction({}, meta(anotherAdmin())), requested);
    expect(event.data.requestedBy).toEqual({ id: anAdmin().id, name: anAdmin().name });
  });

  it('is refused to the admin who requested it', () => {
    given(...requested)
      .when(confirmRedaction({}, meta(anAdmin())))
      .thenThrows(Forbidden, { reason: expect.stringContaining('four-eyes rule') });
  });

  it('can be declined, naming the request’s own passage field, whose key goes too', () => {
    const passageField = [aLocation({ eventId: 'event-request', path: 'passage' })];
    given(...requested)
      .when(declineRedaction({ passageField }))
      .then({ type: 'RedactionDeclined', data: { redactionId: anOrder().redactionId, passageField } });
  });

  it('cannot be decided twice', () => {
    given(...requested, redactionDeclined())
      .when(confirmRedaction())
      .thenThrows(RedactionNotFound, { redactionId: anOrder().redactionId });
  });

  it('cannot be confirmed once another redaction made its own passage unreadable', () => {
    const unreadable = { $redacted: { kid: 'k' } } as never;
    given(...naming, by(anAdmin(), redactionRequested(unreadable)))
      .when(confirmRedaction())
      .thenThrows(RedactionPassageUnreadable);
  });
});
