/**
 * WeChat reads a component's name and role from its aria-* attributes
 * (developers.weixin.qq.com/miniprogram/dev/component/aria-component.html), but Taro's base.wxml
 * writes only the attributes it lists for each component, and it lists no aria-* at all: the
 * `ariaLabel`/`ariaRole` that src/platform/a11y.weapp.ts gives a View never reached the screen reader.
 * This plugin changes the template's list through the hook Taro's own plugin-inject uses (the
 * platform, once set up), from the table the app applies at run time too
 * (src/platform/weapp-components.json). Only what the app uses, since each attribute is written into
 * every level of base.wxml, in the main package; it is paid for by the View's hover-* attributes,
 * which the app never sets (eslint forbids them) and whose WeChat default is no hover class anyway.
 */
const { added, dropped } = require('../src/platform/weapp-components.json')

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (process.env.TARO_ENV !== 'weapp') return
      const components = platform.template.internalComponents
      platform.template.mergeComponents(ctx, added)
      for (const [name, attributes] of Object.entries(dropped)) for (const attribute of attributes) delete components[name][attribute]
    },
  })
}
