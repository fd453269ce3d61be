export default definePageConfig({ navigationBarTitleText: '福利管理' })
