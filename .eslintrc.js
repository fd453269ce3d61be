module.exports = {
  extends: ['taro/react'],
  plugins: ['react-hooks'],
  rules: {
    'react/jsx-uses-react': 'off',
    'react/react-in-jsx-scope': 'off',
    'react-hooks/rules-of-hooks': 'error',
    'react-hooks/exhaustive-deps': 'error',
    'import/no-commonjs': 'off',
  },
  ignorePatterns: ['dist/', 'node_modules/', 'test-results/'],
}
