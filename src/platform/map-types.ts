export interface MapMarker {
  code: string
  lat: number
  lng: number
  name: string
  open: boolean
}
