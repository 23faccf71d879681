// The pure test kit: no I/O, so unit specs can use every export. Databases, topics and HTTP live in
// @newsroom/testing-system.
export * from './wait-for';
export * from './given-when-then';
export * from './article.builders';
export * from './wire-story.fixture';
export * from './counter.decider';
export * from './article.commands-of-each-type';
export * from './contribution.builders';
export * from './redaction.builders';
