export * from './options'
export * from './form'
