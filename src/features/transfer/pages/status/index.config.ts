export default definePageConfig({ navigationBarTitleText: '转会', enablePullDownRefresh: true })
