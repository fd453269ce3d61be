export default definePageConfig({
  navigationBarTitleText: '驿站问题反馈',
  enablePullDownRefresh: true,
})
