export default definePageConfig({
  // The page's root font follows WeChat's font size (src/platform/pageMeta.weapp.tsx).
  enablePageMeta: true,
  // 转发 (domain/share.ts): a public page.
  enableShareAppMessage: true,
  navigationBarTitleText: '驿站详情',
})
