// `@tarojs/taro` as a component sees it in the H5 build: Taro's h5 APIs (storage on localStorage, toast,
// navigation) plus the React page hooks (useLoad, usePullDownRefresh, ...), which the H5 build's
// api-loader adds to the API in the same way (@tarojs/plugin-framework-react/dist/api-loader.js).
//
// Taro's router imports `@tarojs/taro` while `@tarojs/taro-h5` is still loading it, so this module fills
// in the exports object it already handed out rather than replacing it.
const h5 = require('@tarojs/taro-h5')
const runtime = require('@tarojs/plugin-framework-react/dist/runtime')

const hooks = {}
for (const name of Object.keys(runtime)) {
  if (/^use[A-Z]/.test(name)) hooks[name] = runtime[name]
}

Object.assign(module.exports, h5.default, h5, hooks)
module.exports.default = module.exports
