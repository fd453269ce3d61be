export default definePageConfig({ navigationBarTitleText: '转会待办', enablePullDownRefresh: true })
