export default definePageConfig({ navigationBarTitleText: '普惠福利' })
