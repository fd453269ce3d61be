export default definePageConfig({ navigationBarTitleText: '撤销工会' })
