// A QR code of a URL as one SVG path of its dark modules (encoded by the qrcode library, loaded only
// when a code is shown): the referral letter's and the desk's prefilled links.
import { useEffect, useState } from 'react';

export function QrCode({ url, label, className }: { url: string; label: string; className?: string }) {
  const [matrix, setMatrix] = useState<{ size: number; path: string; url: string } | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode').then(({ create }) => {
      const { modules } = create(url, { errorCorrectionLevel: 'L' });
      let path = '';
      for (let y = 0; y < modules.size; y++) {
        for (let x = 0; x < modules.size; x++) if (modules.get(x, y)) path += `M${x} ${y}h1v1h-1z`;
      }
      if (live) setMatrix({ size: modules.size, path, url });
    });
    return () => { live = false; };
  }, [url]);
  if (!matrix || matrix.url !== url) return null;
  const quiet = 4; // the white margin a QR reader needs, in modules
  const side = matrix.size + 2 * quiet;
  return (
    <svg className={className} viewBox={`${-quiet} ${-quiet} ${side} ${side}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect x={-quiet} y={-quiet} width={side} height={side} fill="#fff" />
      <path d={matrix.path} fill="#000" />
    </svg>
  );
}
