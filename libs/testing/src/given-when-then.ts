import {
  articleDecider,
  type ArticleCommand,
  type ArticleEvent,
  type ActorRef,
  type ArticleState,
  type EvolveMeta,
} from '@newsroom/editorial-domain';

/** Any decider: the article's, or a read model's, as long as it decides and evolves purely. */
export interface DeciderUnderTest<Command, State, Event> {
  initialState: State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event, meta?: EvolveMeta): State;
}

/** Given events are stamped as stored a minute apart from here, so evolve sees real timestamps. */
export const GIVEN_EPOCH = '2030-01-01T08:00:00.000Z';
/**
 * Who recorded a given event, unless `by` says otherwise: the builders' reporter, so that
 * `given(drafted())` is Rey's own draft and the desk (the builders' editor) is someone else.
 */
export const GIVEN_ACTOR: ActorRef = Object.freeze({ id: 'user-reporter', name: 'Rey Reporter' });

/** A given event recorded by a named actor: `given(by(anEditor(), revised({ ... })))`. */
export class RecordedBy<Event> {
  constructor(
    readonly actor: ActorRef,
    readonly event: Event,
  ) {}
}
export function by<Event>(actor: ActorRef, event: Event): RecordedBy<Event> {
  return new RecordedBy({ id: actor.id, name: actor.name }, event);
}
type Given<Event> = Event | RecordedBy<Event>;

type ErrorClass = abstract new (...args: never[]) => Error;

export interface Then<State, Event> {
  /** The command yields exactly these events, in order; none at all when called without any. */
  then(...expected: Event[]): void;
  /** The command yields events of exactly these types, in order, whatever their data. */
  thenEventTypes(...expected: string[]): void;
  /** The command is refused by exactly this error class (not a subclass), optionally with these fields. */
  thenThrows<C extends ErrorClass>(
    errorClass: C,
    expected?: Partial<InstanceType<C>> | Record<string, unknown>,
  ): InstanceType<C>;
  /** The command succeeds, and the state after its events passes `assert`. */
  thenState(assert: (state: State) => void): void;
}

export interface When<Command, State, Event> {
  when(command: Command): Then<State, Event>;
  /** The state the given events fold into, for assertions on history itself. */
  readonly state: State;
}

/** Builds a `given(...events).when(command).then(...)` vocabulary for one decider. */
export function specificationFor<Command, State, Event>(decider: DeciderUnderTest<Command, State, Event>) {
  return function given(...history: Given<Event>[]): When<Command, State, Event> {
    const applyAll = (from: State, events: Given<Event>[], firstMinute: number) =>
      events.reduce((s, given, i) => {
        const [event, actor] = given instanceof RecordedBy ? [given.event, given.actor] : [given, GIVEN_ACTOR];
        return decider.evolve(s, event, { occurredAt: minutesAfterEpoch(firstMinute + i), actor });
      }, from);
    const state = applyAll(decider.initialState, history, 0);
    const decideNow = (command: Command) => decider.decide(command, state);
    // What a command emits is recorded as its own actor's, as the event store would record it.
    const asDecided = (command: Command, events: Event[]) => {
      const actor = actorOfCommand(command);
      return actor ? events.map((e) => new RecordedBy(actor, e)) : events;
    };
    return {
      state,
      when: (command) => ({
        then(...expected) {
          const events = decideNow(command);
          expect(events).toEqual(expected);
          // Whatever decide emits must also be something evolve accepts.
          applyAll(state, asDecided(command, events), history.length);
        },
        thenEventTypes(...expected) {
          const events = decideNow(command);
          expect(events.map((e) => (e as { type?: unknown }).type)).toEqual(expected);
          applyAll(state, asDecided(command, events), history.length);
        },
        thenThrows(errorClass, expected) {
          const thrown = thrownBy(() => decideNow(command));
          if (thrown === undefined) {
            throw new Error(`Expected ${errorClass.name} to be thrown, but the command was accepted`);
          }
          if (!(thrown instanceof Error) || thrown.constructor !== errorClass) {
            const got = thrown instanceof Error ? `${thrown.constructor.name}: ${thrown.message}` : String(thrown);
            throw new Error(`Expected ${errorClass.name} to be thrown, but got ${got}`);
          }
          if (expected) expect(thrown).toMatchObject(expected);
          return thrown as InstanceType<typeof errorClass>;
        },
        thenState(assert) {
          const events = decideNow(command);
          assert(applyAll(state, asDecided(command, events), history.length));
        },
      }),
    };
  };
}

/** `given(drafted(), submitted()).when(approveArticle()).then(approved())` for the article decider. */
export const given: (...history: Given<ArticleEvent>[]) => When<ArticleCommand, ArticleState, ArticleEvent> =
  specificationFor<ArticleCommand, ArticleState, ArticleEvent>(articleDecider);

function actorOfCommand(command: unknown): ActorRef | undefined {
  const actor = (command as { metadata?: { actor?: Partial<ActorRef> } }).metadata?.actor;
  return typeof actor?.id === 'string' && typeof actor.name === 'string'
    ? { id: actor.id, name: actor.name }
    : undefined;
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
    return undefined;
  } catch (error) {
    return error ?? new Error('a nullish value was thrown');
  }
}

function minutesAfterEpoch(minutes: number): string {
  return new Date(Date.parse(GIVEN_EPOCH) + minutes * 60_000).toISOString();
}
