/**
 * Text helpers every layer uses (quoting, ordering, "did you mean", plurals, Markdown cells).
 * They import nothing, so the lowest layers can use them too.
 */
export * from './compare';
export * from './quote';
export * from './closest-match';
export * from './markdown';
export * from './plural';
export * from './kebab-case';
export * from './escape';
