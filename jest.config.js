/**
 * Three projects (`npx jest --selectProjects node|cloud-wx|components`):
 * - node: domain, cloud, server and deploy tests, plain Node, no Taro; cloud tests on the embedded store.
 * - cloud-wx: the same cloud tests on WeChat's store (the WeChat adapter on the real wx-server-sdk,
 *   over the stand-in database server in tests/stand-ins): `npm run test:cloud:wx`.
 * - components: React components in jsdom on Taro's real H5 runtime, NutUI included (tests/setup/).
 * Both compile with babel-jest; babel.config.js switches to preset-env/typescript/react under jest.
 */
const alias = { '^@domain/(.*)$': '<rootDir>/domain/$1', '^@/(.*)$': '<rootDir>/src/$1' }

// One NutUI component at a time, as in the Taro build (config/nutui-import.js).
const nutuiPerComponent = require('./config/nutui-import')

// The packages that ship ES modules and must be compiled; everything else in node_modules (jest's own
// packages included) is left as it is, which keeps a cold run fast. `.pnpm` is there because
// @tarojs/taro-h5 bundles its own style-inject under dist/node_modules/.pnpm/.
const esmPackages = ['@tarojs', '@nutui', '@stencil', 'lodash-es', 'swiper', 'query-string', 'decode-uri-component', 'filter-obj', 'split-on-first', 'nanoid', 'style-inject', '\\.pnpm', 'tslib']

module.exports = {
  // Jest's default on a 2-core machine is one worker, i.e. every test file in turn on one core.
  maxWorkers: '100%',
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      setupFilesAfterEnv: ['<rootDir>/tests/setup/timeout.js'],
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/tests/cloud/**/*.test.ts', '<rootDir>/tests/server/**/*.test.ts', '<rootDir>/tests/deploy/**/*.test.ts'],
      transform: { '\\.[jt]sx?$': 'babel-jest' },
      // kdbush, geokdbush and tinyqueue ship ES modules only.
      // Taro's shared code and WeChat runtime (ES modules): the check of the WeChat base template (tests/unit/weapp-template.test.ts).
      transformIgnorePatterns: ['/node_modules/(?!(kdbush|geokdbush|tinyqueue|@tarojs/shared|@tarojs/plugin-platform-weapp)/)'],
      moduleNameMapper: alias,
    },
    {
      displayName: 'cloud-wx',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/cloud/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/setup/wx-store.js'],
      setupFilesAfterEnv: ['<rootDir>/tests/setup/timeout.js'],
      transform: { '\\.[jt]sx?$': 'babel-jest' },
      transformIgnorePatterns: ['/node_modules/(?!(kdbush|geokdbush|tinyqueue)/)'],
      moduleNameMapper: alias,
    },
    {
      displayName: 'components',
      testEnvironment: 'jsdom',
      setupFilesAfterEnv: ['<rootDir>/tests/setup/timeout.js'],
      testMatch: ['<rootDir>/tests/components/**/*.test.tsx'],
      // Sets the H5 build's environment and starts Taro's React runtime before any test module loads.
      setupFiles: ['<rootDir>/tests/setup/components.js'],
      // A constant the H5 build defines (webpack5-runner's H5WebpackPlugin); Taro's React components read it.
      globals: { DEPRECATED_ADAPTER_COMPONENT: false },
      // swiper (under Taro's components) ships .mjs files.
      transform: { '\\.(mjs|[jt]sx?)$': ['babel-jest', { plugins: [nutuiPerComponent] }] },
      transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
      moduleNameMapper: {
        ...alias,
        '\\.(css|scss|sass|less)$': '<rootDir>/tests/setup/styleMock.js',
        // An image is its URL in the build (webpack's asset modules): a name stands in for it.
        '\\.(png|jpe?g|gif|svg)$': '<rootDir>/tests/setup/imageUrl.js',
        // What the H5 build aliases these to: Taro's h5 API (plus React hooks) and its React components.
        '^@tarojs/taro$': '<rootDir>/tests/setup/taro.js',
        '^@tarojs/components$': '@tarojs/components/lib/react',
      },
    },
  ],
}
