export * from './geometry';
export * from './nodes';
export * from './edges';
