import { imageSize } from 'image-size';

/**
 * A logo (data URL) as the writers place it: its bytes, type, and a size that fits `box` (in the box's unit),
 * keeping its proportions.
 */
export function placedLogo(
  dataUrl: string,
  box: { width: number; height: number },
): { bytes: Buffer; extension: 'png' | 'jpeg'; width: number; height: number } | null {
  const match = /^data:image\/(png|jpeg);base64,(.+)$/.exec(dataUrl);
  if (!match) return null;
  const bytes = Buffer.from(match[2] as string, 'base64');
  const size = imageSize(bytes);
  if (!size.width || !size.height) return null;
  const scale = Math.min(box.width / size.width, box.height / size.height);
  return {
    bytes,
    extension: match[1] as 'png' | 'jpeg',
    width: size.width * scale,
    height: size.height * scale,
  };
}
