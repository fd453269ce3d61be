// The cloud-wx jest project: every cloud test runs on the WeChat adapter over the stand-in database
// server (tests/helpers/store.ts reads this).
process.env.CLOUD_STORE = 'wx'
