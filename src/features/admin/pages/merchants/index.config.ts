export default definePageConfig({ navigationBarTitleText: '商户管理', enablePullDownRefresh: true })
