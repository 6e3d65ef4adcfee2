import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { readQrPixels } from './qr-decode.ts';
import { readRecoveryCode } from './recovery-code-text.ts';

// The frozen v1 backup's code (src/record/backup/fixtures/v1.json): a real one.
const CODE = 'P0GN-XF9P-685Z-YTC0-38AK-N47M-RGYY';

/**
 * The recovery sheet's QR code as a camera might see it: drawn as on the sheet (error
 * correction M, 4-module margin, ui/QrCode.tsx), `scale` pixels a module, dark on light or
 * the other way round, on a frame larger than the code.
 */
function sheetPixels(text: string, scale: number, inverted = false) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = (modules.size + 8) * scale;
  const width = size + 60;
  const height = size + 40;
  const pixels = new Uint8ClampedArray(width * height * 4).fill(inverted ? 40 : 230);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const mx = Math.floor(x / scale) - 4;
      const my = Math.floor(y / scale) - 4;
      const inside = mx >= 0 && my >= 0 && mx < modules.size && my < modules.size;
      const dark = inside && modules.get(my, mx) === 1;
      const value = dark !== inverted ? 20 : 250;
      const at = ((y + 20) * width + x + 30) * 4;
      pixels.fill(value, at, at + 3);
      pixels[at + 3] = 255;
    }
  }
  return { pixels, width, height };
}

describe('reading the recovery sheet’s QR code without BarcodeDetector (jsQR)', () => {
  it('gives back the code exactly as printed', async () => {
    const { pixels, width, height } = sheetPixels(CODE, 6);
    const text = await readQrPixels(pixels, width, height);
    expect(text).toBe(CODE);
    expect(readRecoveryCode(text!)).toBe(CODE);
  });

  it('reads it light on dark too, and small', async () => {
    const light = sheetPixels(CODE, 3, true);
    expect(await readQrPixels(light.pixels, light.width, light.height)).toBe(CODE);
  });

  it('sees nothing in a frame without a code', async () => {
    const blank = new Uint8ClampedArray(320 * 240 * 4).fill(200);
    expect(await readQrPixels(blank, 320, 240)).toBeNull();
  });

  it('reads another QR code’s text, which is then not taken for a recovery code', async () => {
    const link = 'https://carnet.example/v#shlink:/eyJ1cmwiOiJodHRwcyJ9';
    const { pixels, width, height } = sheetPixels(link, 4);
    const text = await readQrPixels(pixels, width, height);
    expect(text).toBe(link);
    expect(readRecoveryCode(text!)).toBeNull();
  });
});
