// Where one NutUI component lives (babel-plugin-import's customName, given as this file's path): the
// folders are the name in lower case with no dashes (TextArea → textarea).
module.exports = (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`
