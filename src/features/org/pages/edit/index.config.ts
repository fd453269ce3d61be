export default definePageConfig({ navigationBarTitleText: '新增或修改工会' })
