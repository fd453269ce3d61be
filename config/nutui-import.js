// babel-plugin-import for NutUI: `import { Button } from '@nutui/nutui-react-taro'` loads that one
// component and its CSS. Used by the Taro build (babel.config.js) and the component tests
// (jest.config.js): the full index would pull in every component, lottie-web included, which needs a
// real canvas.
//
// The two name rules are given as file paths, not functions: jest hands a transformer's options to its
// worker processes as JSON, which drops functions (the plugin then fell back to `lib/Button`, which
// NutUI doesn't have), and keys its transform cache by that JSON too.
const path = require('node:path')

module.exports = [
  'import',
  {
    libraryName: '@nutui/nutui-react-taro',
    // The plugin must pass the name as written, not kebab-cased.
    camel2DashComponentName: false,
    customName: path.join(__dirname, 'nutui-component-path.js'),
    customStyleName: path.join(__dirname, 'nutui-style-path.js'),
  },
  'nutui-react-taro',
]
