// Wire types shared with clients. Plain types, constants and pure helpers over them, importing no
// other library, so a web app can use this package on its own.
export * from './admin.view';
export * from './article.constants';
export * from './article.view';
export * from './article-list.view';
export * from './article-stream.view';
export * from './audit.view';
export * from './contribution.view';
export * from './error-body';
export * from './event-envelope';
export * from './user.view';
export * from './redaction.view';
export * from './contributor-credits.view';
export * from './redacted-value';
