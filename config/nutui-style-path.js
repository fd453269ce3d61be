// Where one NutUI component's CSS lives (babel-plugin-import's customStyleName, given as this file's path).
module.exports = (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`
