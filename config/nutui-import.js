// babel-plugin-import for NutUI: `import { Button } from '@nutui/nutui-react-taro'` loads that one
// component and its CSS. NutUI's folders are lower-case (datepicker, not date-picker). Used by the
// Taro build (babel.config.js) and the component tests (jest.config.js): the full index would pull in
// every component, lottie-web included, which needs a real canvas.
const NUTUI = '@nutui/nutui-react-taro'

module.exports = [
  'import',
  {
    libraryName: NUTUI,
    customName: (name) => `${NUTUI}/dist/es/packages/${name.toLowerCase()}`,
    customStyleName: (name) => `${NUTUI}/dist/es/packages/${name.toLowerCase()}/style/css`,
  },
  'nutui-react-taro',
]
