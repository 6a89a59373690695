// After `remix vite:build`: writes .br (quality 11) and .gz (level 9) beside every client asset,
// so phones on weak signals get the smallest files without the server compressing on each request.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const dir = `${process.env.BUILD_DIR ?? 'build'}/client/assets`
let files = 0
for (const name of fs.readdirSync(dir)) {
  if (!/\.(js|css|svg|json)$/.test(name)) continue
  const file = path.join(dir, name)
  const body = fs.readFileSync(file)
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }))
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }))
  files++
}
console.log(`[precompress] ${files} assets compressed (br, gz)`)
