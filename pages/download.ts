/**
 * Offers a file for download from an extension page through a blob URL and
 * `<a download>`: no "downloads" permission needed.
 */
export function downloadBlob(filename: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL by now; give it a moment before freeing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
