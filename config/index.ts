import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import path from 'node:path'
import devConfig from './dev'
import prodConfig from './prod'

// NutUI is designed at 375 px wide, our pages at 750: pxtransform needs to know which is which.
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' ? input.file : undefined
  return file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
}

/** The rules and contract the app shares with the cloud (outside sourceRoot). */
const SHARED_DOMAIN = path.resolve(__dirname, '..', 'domain')

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'union-member-services',
    date: '2026-11-23',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // Each platform builds into its own folder so the weapp and h5 builds can sit side by side.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // WeChat's aria-* attributes in base.wxml (see the plugin).
    plugins: [path.resolve(__dirname, 'aria-plugin.js')],
    defineConstants: {},
    // The stations' illustrative demo photos, at the same path in both builds (/features/stations/photos/…).
    copy: { patterns: [{ from: 'src/features/stations/photos/', to: `dist/${process.env.TARO_ENV}/features/stations/photos/` }], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // Chinese text as it is (UTF-8) in the scripts, not \uXXXX: Taro's mini-program build asks terser
    // for ASCII only, 6 bytes for each 3-byte character, about 11 KB of WeChat's main package. WeChat
    // reads its scripts as UTF-8, and the WeChat compiler check (test:weapp) parses every one.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    // WeChat templates cannot recurse, so Taro writes base.wxml (in the main package) once per
    // nesting level, and renders anything deeper through its `comp` component. 16 levels cost
    // ~61 KB; our deepest page measured 9 (the h5 build, 2026-12), so 12 leaves 3 for popups and
    // lists and saves ~11 KB. Past it pages still render, but through `comp`: a slower setData,
    // and page styles that chain classes across that boundary may not match.
    baseLevel: 12,
    mini: {
      // domain/ (shared with the cloud) lives beside src/: Taro compiles it as its own.
      compile: { include: [SHARED_DOMAIN] },
      // Modules used only by subpackages stay out of the main package.
      optimizeMainPackage: { enable: true },
      postcss: {
        // rem, not rpx: each page's root font (page-meta, src/platform/pageMeta.weapp.tsx) follows the
        // person's WeChat font size, and rpx would not. At 40 design px per rem (baseFontSize 20, as on
        // the web) and a root of 20 px on a 375 px phone, every size is what rpx gave at standard size.
        pxtransform: { enable: true, config: { targetUnit: 'rem', baseFontSize: 20 } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      compile: { include: [SHARED_DOMAIN] },
      publicPath: '/',
      staticDirectory: 'static',
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
