// Taro builds use babel-preset-taro; jest (NODE_ENV=test) compiles TypeScript and JSX for Node.
const NUTUI = '@nutui/nutui-react-taro'
const nutuiPerComponent = [
  'import',
  {
    libraryName: NUTUI,
    // NutUI's folders are lower-case (datepicker, not date-picker).
    customName: (name) => `${NUTUI}/dist/es/packages/${name.toLowerCase()}`,
    customStyleName: (name) => `${NUTUI}/dist/es/packages/${name.toLowerCase()}/style/css`,
  },
  'nutui-react-taro',
]

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
