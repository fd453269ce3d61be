export default definePageConfig({ navigationBarTitleText: '扫码入会', enableShareAppMessage: true })
