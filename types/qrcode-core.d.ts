/** The pure encoder inside `qrcode` (no canvas, no Node): enough to draw a QR code with views. */
declare module 'qrcode/lib/core/qrcode' {
  export function create(text: string, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): { modules: { size: number; data: Uint8Array } }
}
