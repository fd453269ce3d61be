export default definePageConfig({ navigationBarTitleText: '助学审核', enablePullDownRefresh: true })
