/** PNG exports are this many pixels per CSS pixel, whatever the reader's screen: sharp on slides. */
export const PNG_SCALE = 2;

/**
 * The figure's SVG (from `figureSvgText`) drawn to a canvas of exactly PNG_SCALE × its size, as a
 * PNG. The SVG is loaded as an image from a data URL, so nothing outside it is fetched and the
 * canvas stays readable. Rejects if the image cannot be decoded or the canvas cannot be encoded.
 */
export async function figurePng(
  doc: Document,
  svgText: string,
  width: number,
  height: number,
): Promise<Blob> {
  const image = doc.createElement("img");
  image.width = width;
  image.height = height;
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const canvas = doc.createElement("canvas");
  canvas.width = Math.round(width * PNG_SCALE);
  canvas.height = Math.round(height * PNG_SCALE);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw the figure to a canvas.");
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob) resolve(blob);
      else reject(new Error("The figure could not be encoded as PNG."));
    }, "image/png");
  });
}
