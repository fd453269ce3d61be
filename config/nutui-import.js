// babel-plugin-import for NutUI: `import { Button } from '@nutui/nutui-react-taro'` loads that one
// component and its CSS. NutUI's folders are lower-case (datepicker, not date-picker). Used by the
// Taro build (babel.config.js) and the component tests (jest.config.js): the full index would pull in
// every component, lottie-web included, which needs a real canvas.
const NUTUI = '@nutui/nutui-react-taro'

module.exports = [
  'import',
  {
    libraryName: NUTUI,
    // NutUI's folders are the name in lower case with no dashes (TextArea → textarea): the plugin must
    // pass the name as written, not kebab-cased.
    camel2DashComponentName: false,
    customName: (name) => `${NUTUI}/dist/es/packages/${name.toLowerCase()}`,
    customStyleName: (name) => `${NUTUI}/dist/es/packages/${name.toLowerCase()}/style/css`,
  },
  'nutui-react-taro',
]
