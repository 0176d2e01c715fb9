// Shared by the render tests: the firm's letterhead, with and without a logo.
import { crc32, deflateSync } from 'node:zlib';
import { ORGANISATION } from '../../domain/letters/letter-fixtures.ts';
import type { Letterhead } from './letterhead.ts';

export const LETTERHEAD: Letterhead = {
  organisationName: ORGANISATION.name,
  addressLines: ['Oudegracht 101', '3511 AD Utrecht'],
  phone: '030-123 45 67',
  email: 'klachten@brouwer-zoen.nl',
  website: 'www.brouwer-zoen.nl',
  kvkNumber: '12345678',
  afmNumber: '12009876',
  logo: null,
};

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A small PNG logo drawn in code: a rounded mark and two bars, in the firm's colours. */
export function logoPng(width = 420, height = 120): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      let rgb = [255, 255, 255];
      const inMark =
        x < height && Math.hypot(Math.max(0, Math.abs(x - 60) - 36), Math.max(0, Math.abs(y - 60) - 36)) < 18;
      if (inMark) rgb = [29, 78, 107];
      if (inMark && x > 38 && x < 82 && y > 52 && y < 68) rgb = [255, 255, 255];
      if (x >= 140 && x < 400 && y >= 34 && y < 62) rgb = [29, 78, 107];
      if (x >= 140 && x < 330 && y >= 74 && y < 88) rgb = [120, 160, 180];
      row.set(rgb, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const LETTERHEAD_WITH_LOGO: Letterhead = {
  ...LETTERHEAD,
  logo: { bytes: logoPng(), mediaType: 'image/png' },
};
