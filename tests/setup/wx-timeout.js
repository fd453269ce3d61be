// Each request goes through the SDK's serialization and the stand-in database server: slower than nedb.
jest.setTimeout(30_000)
