import { distanceM, EARTH_RADIUS_M } from '../../../src/domain/stations/geo'
import { byDistance, matches, type Hit, type NearbyQuery, type StationPoint } from '../../../src/domain/stations/search'

/**
 * A simple spatial index: stations bucketed into lat/lng cells of a fixed size. A search walks
 * rings of cells outward from the query's cell, keeping the k nearest qualifying stations, and
 * stops when the next ring cannot hold anything nearer than the kth (or than the radius).
 * The stopping bound is a true lower bound on the sphere, so answers equal a brute-force scan.
 *
 * kdbush/geokdbush (a static kd-tree) were meant for this but are not installed; this index also
 * takes single-station updates, which a static tree cannot.
 */
const rad = (deg: number) => (deg * Math.PI) / 180

export class GridIndex {
  private readonly cells = new Map<number, StationPoint[]>()
  private readonly byCode = new Map<string, StationPoint>()
  /** Largest |latitude| of any station: bounds how narrow a degree of longitude can get. */
  private maxAbsLat = 0
  private minRow = Infinity
  private maxRow = -Infinity
  private minCol = Infinity
  private maxCol = -Infinity

  private readonly columns: number

  /**
   * 0.025° cells (about 2.8 × 2.1 km in north China): measured on the 186,000-station data set,
   * a search's p95 was 18 ms with 0.1° cells, 9.5 ms with 0.05° and 6 ms with 0.025°; smaller
   * cells gained nothing more.
   */
  constructor(private readonly cellDeg = 0.025) {
    this.columns = Math.ceil(360 / cellDeg) + 1
  }

  get size(): number {
    return this.byCode.size
  }

  private row(lat: number) {
    return Math.floor((lat + 90) / this.cellDeg)
  }

  private col(lng: number) {
    return Math.floor((lng + 180) / this.cellDeg)
  }

  private key(row: number, col: number) {
    return row * this.columns + col
  }

  /** Adds a station, or replaces the one with the same code. */
  upsert(point: StationPoint): void {
    this.remove(point.code)
    const row = this.row(point.lat)
    const col = this.col(point.lng)
    const key = this.key(row, col)
    const cell = this.cells.get(key)
    if (cell) cell.push(point)
    else this.cells.set(key, [point])
    this.byCode.set(point.code, point)
    this.maxAbsLat = Math.max(this.maxAbsLat, Math.abs(point.lat))
    this.minRow = Math.min(this.minRow, row)
    this.maxRow = Math.max(this.maxRow, row)
    this.minCol = Math.min(this.minCol, col)
    this.maxCol = Math.max(this.maxCol, col)
  }

  remove(code: string): void {
    const old = this.byCode.get(code)
    if (!old) return
    const key = this.key(this.row(old.lat), this.col(old.lng))
    const cell = this.cells.get(key) ?? []
    const rest = cell.filter((p) => p.code !== code)
    if (rest.length) this.cells.set(key, rest)
    else this.cells.delete(key)
    this.byCode.delete(code)
  }

  get(code: string): StationPoint | undefined {
    return this.byCode.get(code)
  }

  points(): IterableIterator<StationPoint> {
    return this.byCode.values()
  }

  /**
   * No station outside the square of rings 0…r around the query can be nearer than this.
   * Latitude: at least R·Δφ. Longitude: haversine with Δφ = 0 and both cosines at their smallest.
   */
  private boundOutside(query: NearbyQuery, row: number, col: number, r: number): number {
    const south = (row - r) * this.cellDeg - 90
    const north = (row + r + 1) * this.cellDeg - 90
    const west = (col - r) * this.cellDeg - 180
    const east = (col + r + 1) * this.cellDeg - 180
    const dLat = Math.min(query.lat - south, north - query.lat)
    const dLng = Math.min(query.lng - west, east - query.lng)
    const latBound = EARTH_RADIUS_M * rad(dLat)
    const cosMin = Math.sqrt(Math.max(0, Math.cos(rad(query.lat)) * Math.cos(rad(Math.max(this.maxAbsLat, Math.abs(query.lat))))))
    const lngBound = dLng >= 180 ? Infinity : 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, cosMin * Math.sin(rad(dLng) / 2)))
    return Math.min(latBound, lngBound)
  }

  /** The k nearest stations that match the query's filters, within its radius, nearest first. */
  nearest(query: NearbyQuery, now: Date): Hit[] {
    if (!this.byCode.size || query.k <= 0) return []
    const row = this.row(query.lat)
    const col = this.col(query.lng)
    const maxRing = Math.max(row - this.minRow, this.maxRow - row, col - this.minCol, this.maxCol - col)
    const hits: Hit[] = []
    const visit = (r: number, c: number) => {
      const cell = this.cells.get(this.key(r, c))
      if (!cell) return
      for (const p of cell) {
        if (!matches(p, query, now)) continue
        const d = distanceM(query, p)
        if (d > query.radiusM) continue
        if (hits.length === query.k && byDistance({ code: p.code, distanceM: d }, hits[hits.length - 1]) >= 0) continue
        hits.push({ code: p.code, distanceM: d })
        hits.sort(byDistance)
        if (hits.length > query.k) hits.pop()
      }
    }
    for (let r = 0; r <= maxRing; r++) {
      if (r === 0) visit(row, col)
      else {
        for (let c = col - r; c <= col + r; c++) {
          visit(row - r, c)
          visit(row + r, c)
        }
        for (let rr = row - r + 1; rr <= row + r - 1; rr++) {
          visit(rr, col - r)
          visit(rr, col + r)
        }
      }
      const bound = this.boundOutside(query, row, col, r)
      if (bound > query.radiusM) break
      if (hits.length === query.k && hits[hits.length - 1].distanceM <= bound) break
    }
    return hits
  }
}
