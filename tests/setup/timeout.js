// 30 s a test, in every project: on a loaded machine (CI, several runs at once) a render or a request
// through the SDK's serialization and the stand-in database server can take seconds. How long a test
// takes is not what it checks; speed is measured by `npm run bench`.
jest.setTimeout(30_000)
