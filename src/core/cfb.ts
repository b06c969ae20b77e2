/**
 * What an OLE compound file (MS-CFB) holds, from its directory: a password-protected .xlsx is
 * a compound file with EncryptionInfo + EncryptedPackage streams (MS-OFFCRYPTO §2.3.4.4 —
 * whatever its extension), a legacy .xls one with a Workbook (or Book) stream. Decided by
 * content, never by the file name.
 */

export type CompoundKind = 'encrypted' | 'xls' | 'other';

const END_OF_CHAIN = 0xfffffffe;

export function compoundFileKind(bytes: Uint8Array): CompoundKind {
  try {
    const names = directoryNames(bytes);
    if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) return 'encrypted';
    if (names.has('Workbook') || names.has('Book')) return 'xls';
  } catch {
    // A damaged directory says nothing either way.
  }
  return 'other';
}

function directoryNames(bytes: Uint8Array): Set<string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw new Error('bad sector size');
  const size = 1 << shift;
  const sectorAt = (n: number) => (n + 1) * size;
  const sectorCount = Math.floor(bytes.length / size);

  // FAT sector locations: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(u32(0x4c + i * 4));
  let difat = u32(0x44);
  for (let guard = 0; difat < sectorCount && guard < sectorCount; guard++) {
    const base = sectorAt(difat);
    for (let i = 0; i < size / 4 - 1; i++) fatSectors.push(u32(base + i * 4));
    difat = u32(base + size - 4);
  }
  const next = (n: number): number => {
    const perSector = size / 4;
    const fs = fatSectors[Math.floor(n / perSector)];
    if (fs === undefined || fs >= sectorCount) return END_OF_CHAIN;
    return u32(sectorAt(fs) + (n % perSector) * 4);
  };

  const names = new Set<string>();
  let dir = u32(0x30);
  for (let guard = 0; dir < sectorCount && guard < sectorCount; guard++) {
    const base = sectorAt(dir);
    for (let e = 0; e < size / 128; e++) {
      const at = base + e * 128;
      const len = view.getUint16(at + 0x40, true);
      if (len < 2 || len > 64) continue;
      let name = '';
      for (let i = 0; i < len / 2 - 1; i++) name += String.fromCharCode(view.getUint16(at + i * 2, true));
      names.add(name);
    }
    dir = next(dir);
  }
  return names;
}
