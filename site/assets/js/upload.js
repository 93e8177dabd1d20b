// Sends a file straight to the document store through the presigned URL the API gave (never through
// a function). XMLHttpRequest, not fetch: only XHR reports upload progress. The signed headers are
// sent exactly as given. Resolves true when the store accepted the file.
export function putFile(slot, file, onProgress = () => {}) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    });
    xhr.addEventListener('load', () => {
      const ok = xhr.status >= 200 && xhr.status < 300;
      if (ok) onProgress(100);
      resolve(ok);
    });
    xhr.addEventListener('error', () => resolve(false));
    xhr.addEventListener('timeout', () => resolve(false));
    xhr.open(slot.method || 'PUT', slot.uploadUrl);
    for (const [name, value] of Object.entries(slot.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.send(file);
  });
}

export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
