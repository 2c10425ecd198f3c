/**
 * Structural check of an MP4/MOV (ISO base media file) upload, over the whole file. Sniffing the first
 * bytes only proves the file starts like a video; an attacker can put a valid ftyp box in front of
 * anything. Here every top-level box must chain exactly to the end of the file, and the movie box
 * (moov, with its header mvhd and at least one track) and media data (mdat) must be present. Only box
 * headers are read, so a 50 MB video costs a few dozen small reads.
 */

/** Random access to the uploaded bytes: a buffer in memory or a spooled file. */
export interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export const bufferSource = (b: Uint8Array): ByteSource => ({
  size: b.length,
  read: async (offset, length) => b.subarray(offset, Math.min(offset + length, b.length)),
});

interface Box {
  type: string;
  start: number;
  headerSize: number;
  end: number;
}

/** Box types are four printable ASCII characters at every level we read (top level and moov's children). */
const BOX_TYPE = /^[\x20-\x7e]{4}$/;
/** More boxes than any real file has; bounds the work on a crafted one. */
const MAX_BOXES = 10_000;

class BadContainer extends Error {}

async function readBoxes(src: ByteSource, from: number, to: number, where: string): Promise<Box[]> {
  const boxes: Box[] = [];
  let at = from;
  while (at < to) {
    if (boxes.length >= MAX_BOXES) throw new BadContainer(`${where}的结构单元过多`);
    const head = Buffer.from(await src.read(at, 16));
    if (to - at < 8 || head.length < 8) throw new BadContainer(`${where}在第 ${at} 字节处被截断`);
    const size32 = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    if (!BOX_TYPE.test(type)) throw new BadContainer(`${where}第 ${at} 字节处不是有效的结构单元`);
    let headerSize = 8;
    let size: number;
    if (size32 === 1) {
      if (head.length < 16) throw new BadContainer(`${where}在第 ${at} 字节处被截断`);
      headerSize = 16;
      size = Number(head.readBigUInt64BE(8));
    } else if (size32 === 0) {
      size = to - at; // "to the end": only meaningful for the last box
    } else size = size32;
    if (size < headerSize || at + size > to)
      throw new BadContainer(`${where}的“${type}”单元长度与文件不符`);
    boxes.push({ type, start: at, headerSize, end: at + size });
    at += size;
  }
  return boxes;
}

/**
 * Null when the file is a structurally sound movie, else the reason (Chinese, for the uploader).
 * `requireFtyp`: MP4 must start with its ftyp box; QuickTime files from before ftyp start elsewhere.
 */
export async function isoMediaProblem(
  src: ByteSource,
  opts: { requireFtyp: boolean },
): Promise<string | null> {
  try {
    const top = await readBoxes(src, 0, src.size, '文件');
    if (opts.requireFtyp && top[0]?.type !== 'ftyp') return '文件不是以 ftyp 开头的 MP4';
    // ISO 14496-12: the file type box comes first; anywhere else it marks a file glued from pieces.
    if (top.some((b, i) => b.type === 'ftyp' && i > 0)) return 'ftyp 单元不在文件开头';
    const moovs = top.filter((b) => b.type === 'moov');
    if (moovs.length !== 1)
      return moovs.length ? '文件含多个 moov 单元' : '文件缺少影片信息 (moov)';
    if (!top.some((b) => b.type === 'mdat')) return '文件缺少媒体数据 (mdat)';
    const moov = moovs[0]!;
    const inside = await readBoxes(src, moov.start + moov.headerSize, moov.end, '影片信息 (moov) ');
    if (!inside.some((b) => b.type === 'mvhd')) return '影片信息缺少 mvhd';
    if (!inside.some((b) => b.type === 'trak')) return '影片中没有任何音视频轨道 (trak)';
    return null;
  } catch (err) {
    if (err instanceof BadContainer) return err.message;
    throw err;
  }
}
