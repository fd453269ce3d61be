module.exports = {
  extends: ['taro/react'],
  plugins: ['react-hooks'],
  rules: {
    'react/jsx-uses-react': 'off',
    'react/react-in-jsx-scope': 'off',
    'react-hooks/rules-of-hooks': 'error',
    'react-hooks/exhaustive-deps': 'error',
    'import/no-commonjs': 'off',
    // WeChat's base.wxml no longer writes a View's hover-* attributes (config/aria-plugin.js).
    'no-restricted-syntax': ['error', { selector: 'JSXAttribute[name.name=/^hover/]', message: 'No hover* props: the WeChat build drops them from base.wxml (config/aria-plugin.js).' }],
  },
  ignorePatterns: ['dist/', 'node_modules/', 'test-results/'],
  overrides: [
    {
      // WeChat's main package holds 首页 and 我的 and what they import, within 400 KB (#19 item 8;
      // tests/weapp/compile.ts). The contract's schemas and valibot are for subpackages: here import
      // only types from the contract, and reach the cloud through useCloud or request.
      files: ['src/app.ts', 'src/pages/**', 'src/components/**', 'src/stores/**', 'src/platform/**', 'src/services/request.ts', 'src/services/useCloud.ts', 'src/services/useMayCall.ts'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            paths: [
              { name: '@domain/contract', allowTypeImports: true, message: 'Main package: import types only (values: @domain/contract/policy, @domain/privacy/version, @domain/unionLevels).' },
              { name: 'valibot', allowTypeImports: true, message: 'Main package: no schema library (#19 item 8).' },
              { name: '@domain/validate', message: 'Main package: no schema library (#19 item 8).' },
              { name: '@/services/cloud', message: 'Main package: use request from @/services/request (or useCloud); call loads every schema.' },
              { name: '@antv/f2', message: 'Main package: the chart library is for the staff subpackage only (#17).' },
            ],
            patterns: [{ group: ['@domain/contract/*', '!@domain/contract/policy'], allowTypeImports: true, message: 'Main package: import types only from the contract.' }],
          },
        ],
      },
    },
  ],
}
