import { useEffect, useState } from 'react';

/**
 * Text (a share link, a recovery code) as a QR code: error correction M, black on white,
 * drawn as SVG by the `qrcode` library (loaded with the screen that needs it) and shown as
 * an image, so no markup is injected.
 */
export function QrCode({
  text,
  label,
  className = 'qr-code',
}: {
  text: string;
  label: string;
  className?: string;
}) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode').then(async (QR) => {
      const svg = await QR.toString(text, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 4,
        color: { dark: '#000000', light: '#ffffff' },
      });
      if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      live = false;
    };
  }, [text]);
  return src ? (
    <img className={className} src={src} alt={label} />
  ) : (
    <div className={`${className} qr-placeholder`} aria-busy="true" />
  );
}
