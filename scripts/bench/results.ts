import fs from 'node:fs'
import path from 'node:path'

export interface Figure {
  value: number
  unit: string
}

/** Collects figures, prints them as a table and writes bench-results.json. */
export class Results {
  private readonly figures: Record<string, Figure> = {}

  add(name: string, value: number, unit: string): void {
    this.figures[name] = { value, unit }
    console.log(`  ${name.padEnd(40)} ${String(value).padStart(12)} ${unit}`)
  }

  write(file = path.resolve(__dirname, '../../bench-results.json')): void {
    fs.writeFileSync(file, `${JSON.stringify(this.figures, null, 2)}\n`)
    console.log(`\n写入 ${path.relative(process.cwd(), file)}：${Object.keys(this.figures).length} 项`)
  }
}
