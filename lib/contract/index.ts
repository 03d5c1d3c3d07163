/** The vocabulary Kamerlens and its pages share: ids, kinds, statuses and every name written into a page. */
export * from './attrs';
export * from './ids';
export * from './kinds';
export * from './status';
