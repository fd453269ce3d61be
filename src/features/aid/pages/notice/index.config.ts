export default definePageConfig({ navigationBarTitleText: '金秋助学公示', enablePullDownRefresh: true, enableShareAppMessage: true })
