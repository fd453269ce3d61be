// Taro builds use babel-preset-taro; jest (NODE_ENV=test) compiles TypeScript and JSX for Node.
const nutuiPerComponent = require('./config/nutui-import')

module.exports = (api) => {
  if (api.env('test')) {
    return {
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-typescript', { allowDeclareFields: true }],
        ['@babel/preset-react', { runtime: 'automatic' }],
      ],
    }
  }
  return {
    presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
    plugins: [nutuiPerComponent],
  }
}
