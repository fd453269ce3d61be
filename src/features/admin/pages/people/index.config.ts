export default definePageConfig({ navigationBarTitleText: '邀请与人员', enablePullDownRefresh: true })
