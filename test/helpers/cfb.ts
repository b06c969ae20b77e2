/**
 * A minimal OLE compound file (MS-CFB v3, 512-byte sectors) whose directory names the given
 * streams — what a password-protected .xlsx (EncryptionInfo, EncryptedPackage) or a legacy
 * .xls (Workbook) looks like to a reader that checks the directory. Streams are empty.
 */
export function compoundFile(streams: string[]): Buffer {
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const FAT = 0xfffffffd;
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // directory at sector 1
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END, 0x3c);
  header.writeUInt32LE(END, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(FAT, 0);
  fat.writeUInt32LE(END, 4);
  const dir = Buffer.alloc(512, 0);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const at = i * 128;
    dir.write(name, at, 'utf16le');
    dir.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    dir.writeUInt8(i === 0 ? 5 : 2, at + 0x42);
    dir.writeUInt32LE(FREE, at + 0x44);
    dir.writeUInt32LE(FREE, at + 0x48);
    dir.writeUInt32LE(i === 0 && streams.length ? 1 : FREE, at + 0x4c);
    dir.writeUInt32LE(END, at + 0x74);
  });
  return Buffer.concat([header, fat, dir]);
}
