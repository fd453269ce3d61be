export default definePageConfig({
  // 转发 (domain/share.ts): a public page.
  enableShareAppMessage: true,
  navigationBarTitleText: '驿站详情',
})
