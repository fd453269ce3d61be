export default definePageConfig({
  // The page's root font follows WeChat's font size (src/platform/pageMeta.weapp.tsx).
  enablePageMeta: true,
  navigationBarTitleText: '金秋助学公示', enablePullDownRefresh: true, enableShareAppMessage: true,
})
