/* eslint-disable no-bitwise */ // PNG decoding is bit twiddling
import * as zlib from 'zlib';

/** A decoded 8-bit RGB(A) PNG: enough to check a screenshot without a dependency. */
export interface Png {
  readonly width: number;
  readonly height: number;
  /** bytes per pixel: 3 (RGB) or 4 (RGBA) */
  readonly channels: number;
  /** unfiltered rows, `width * channels` bytes each */
  readonly pixels: Buffer;
}

export function decodePng(data: Buffer): Png {
  if (data.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.subarray(offset + 4, offset + 8).toString('latin1');
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const bitDepth = body[8];
      const colorType = body[9];
      if (bitDepth !== 8 || (colorType !== 2 && colorType !== 6) || body[12] !== 0) {
        throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colorType}, interlace ${body[12]}`);
      }
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      switch (filter) {
        case 0: break;
        case 1: v += a; break;
        case 2: v += b; break;
        case 3: v += (a + b) >> 1; break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: throw new Error(`bad PNG filter ${filter} on row ${y}`);
      }
      pixels[y * stride + x] = v & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** Luminance statistics and colour counts of a PNG (or of a rectangle of it). */
export function pngStats(png: Png, box = { x: 0, y: 0, w: png.width, h: png.height }) {
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  let nonWhite = 0;
  let reddish = 0;
  let bluish = 0;
  const colours = new Set<number>();
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let x = box.x; x < box.x + box.w; x++) {
      const i = (y * png.width + x) * png.channels;
      const r = png.pixels[i];
      const g = png.pixels[i + 1];
      const b = png.pixels[i + 2];
      const lum = 0.299 * r + 0.587 * g + 0.114 * b;
      sum += lum;
      sumSq += lum * lum;
      n++;
      if (lum < 245) nonWhite++;
      if (r > 180 && g < 90 && b < 90) reddish++;
      if (b > 200 && r < 240 && b - r > 10) bluish++;
      colours.add((r << 16) | (g << 8) | b);
    }
  }
  const mean = sum / n;
  return { mean, variance: sumSq / n - mean * mean, nonWhiteFraction: nonWhite / n, reddish, bluish, colours: colours.size };
}
