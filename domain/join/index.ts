export * from './options'
export * from './form'
export * from './entry'
