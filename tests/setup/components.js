// Runs before each component test file, before any module of the app is loaded.
// The H5 build defines these as text (webpack5-runner's H5WebpackPlugin). TARO_PLATFORM 'web' makes
// Taro's runtime use the browser's DOM (jsdom here) instead of its own mini-program DOM.
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
process.env.FRAMEWORK = 'react'
process.env.SUPPORT_TARO_POLYFILL = 'disabled'
process.env.SUPPORT_DINGTALK_NAVIGATE = 'disabled'

const React = require('react')
const ReactDOM = require('react-dom')
// The Taro API first: it and Taro's router import each other, and entered from the router side the
// router would keep a half-loaded API (see taro.js).
require('@tarojs/taro')
const { createH5NativeComponentConfig } = require('@tarojs/plugin-framework-react/dist/runtime')

// What the H5 app entry does: hands React to Taro's runtime, so useLoad and the other hooks work.
createH5NativeComponentConfig(null, React, ReactDOM)

// @tarojs/test-utils-react 0.1.1 wraps renders and events in react-dom/test-utils' act, which React 18.3
// calls deprecated on every test file. Only that one notice is dropped; every other error still shows.
const consoleError = console.error
console.error = (...args) => {
  if (typeof args[0] === 'string' && args[0].startsWith('Warning: `ReactDOMTestUtils.act` is deprecated')) return
  consoleError(...args)
}
