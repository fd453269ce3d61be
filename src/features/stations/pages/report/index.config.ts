export default definePageConfig({
  navigationBarTitleText: '反馈驿站问题',
})
