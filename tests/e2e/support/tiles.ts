import http from 'node:http'
import zlib from 'node:zlib'

/**
 * A stand-in tile provider for the web map's e2e: a second HTTP server on 127.0.0.1 (another
 * origin than the app's) that answers every /tiles/{z}/{x}/{y}.png with a 256 × 256 PNG — pale
 * ground with darker "streets" along two edges, so a screenshot shows the tiles — and records
 * what it was asked for.
 */
export interface TileServer {
  /** The MAP_TILE_URL template pointing here. */
  template: string
  origin: string
  requested: string[]
  close(): Promise<void>
}

export async function startTileServer(): Promise<TileServer> {
  const png = tilePng()
  const requested: string[] = []
  const server = http.createServer((req, res) => {
    requested.push(req.url ?? '')
    if (!/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
      res.writeHead(404)
      return void res.end()
    }
    res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': png.length })
    res.end(png)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const origin = `http://127.0.0.1:${port}`
  return { template: `${origin}/tiles/{z}/{x}/{y}.png`, origin, requested, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** A 256 × 256 RGB PNG, written by hand (signature, IHDR, one zlib IDAT, IEND). */
function tilePng(): Buffer {
  const size = 256
  const rows: Buffer[] = []
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3) // filter byte 0, then RGB
    for (let x = 0; x < size; x++) {
      const street = x < 6 || y < 6
      row.set(street ? [255, 255, 255] : [233, 238, 226], 1 + x * 3)
    }
    rows.push(row)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8-bit, truecolour, deflate, no filter, no interlace
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) {
    c ^= b
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  }
  return (c ^ 0xffffffff) >>> 0
}
