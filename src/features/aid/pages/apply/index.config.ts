export default definePageConfig({ navigationBarTitleText: '申请金秋助学' })
