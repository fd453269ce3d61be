export default definePageConfig({
  // The page's root font follows WeChat's font size (src/platform/pageMeta.weapp.tsx).
  enablePageMeta: true,
  navigationBarTitleText: '驿站信息',
})
