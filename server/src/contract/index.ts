export * from './admin';
export * from './entities';
export * from './errors';
export * from './events';
export * from './http';
export * from './i18n';
export * from './printing';
export * from './settings';
