/**
 * Icons drawn inline (no icon font, no third-party origin). Each sits beside a word, never
 * alone, for people who read little. Icons that point get the `icon-directional` class
 * and mirror in right-to-left languages.
 */
const PATHS = {
  allergy: 'M12 2 1 21h22L12 2zm0 6 1 7h-2l1-7zm0 9.5a1.3 1.3 0 1 1 0 2.6 1.3 1.3 0 0 1 0-2.6z',
  medication:
    'M4.2 13.4 13.4 4.2a4.5 4.5 0 0 1 6.4 6.4l-9.2 9.2a4.5 4.5 0 0 1-6.4-6.4zm1.4 1.4a2.5 2.5 0 0 0 3.6 3.6L13 14.6 9.4 11z',
  condition: 'M10 3h4v7h7v4h-7v7h-4v-7H3v-4h7z',
  vaccination:
    'M18 2l4 4-1.4 1.4-1.3-1.3-2 2 2.7 2.7-1.4 1.4-.7-.7-7 7H6.1l-2.4 2.4-1.4-1.4 2.4-2.4v-4.8l7-7-.7-.7L12.4 4l2.7 2.7 2-2-1.3-1.3z',
  result:
    'M9 2h6v2h-1v5.3l5.6 9.4A2.2 2.2 0 0 1 17.7 22H6.3a2.2 2.2 0 0 1-1.9-3.3L10 9.3V4H9zm1.7 11-3.5 6h9.6l-3.5-6z',
  right: 'M3 5h18v14H3zm2 2v10h14V7zm2 2h5v2H7zm0 4h8v2H7z',
  note: 'M5 3h10l4 4v14H5zm2 2v14h10V8h-3V5zm2 6h6v2H9zm0 4h6v2H9z',
  lock: 'M7 10V7a5 5 0 0 1 10 0v3h2v12H5V10zm2 0h6V7a3 3 0 0 0-6 0zm3 4a1.5 1.5 0 0 0-1 2.6V19h2v-2.4a1.5 1.5 0 0 0-1-2.6z',
  settings:
    'M10.3 2h3.4l.5 2.6 1.8.8 2.2-1.5 2.4 2.4-1.5 2.2.8 1.8 2.6.5v3.4l-2.6.5-.8 1.8 1.5 2.2-2.4 2.4-2.2-1.5-1.8.8-.5 2.6h-3.4l-.5-2.6-1.8-.8-2.2 1.5-2.4-2.4 1.5-2.2-.8-1.8L2 13.7v-3.4l2.6-.5.8-1.8-1.5-2.2 2.4-2.4 2.2 1.5 1.8-.8zM12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7z',
  add: 'M11 4h2v7h7v2h-7v7h-2v-7H4v-2h7z',
  back: 'M15.4 4.6 8 12l7.4 7.4-1.4 1.4L5.2 12 14 3.2z',
  person: 'M12 2a5 5 0 1 1 0 10 5 5 0 0 1 0-10zm0 12c5 0 9 2.5 9 6v2H3v-2c0-3.5 4-6 9-6z',
  edit: 'M3 17.2V21h3.8L18 9.8 14.2 6zM20.7 7.1a1 1 0 0 0 0-1.4l-2.4-2.4a1 1 0 0 0-1.4 0l-1.8 1.8 3.8 3.8z',
  trash: 'M6 7h12l-1 14H7zm3-4h6l1 2h4v2H4V5h4z',
  warning: 'M12 2 1 21h22zm-1 7h2v6h-2zm0 8h2v2h-2z',
  check: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z',
  language:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm6.9 6h-3a15.7 15.7 0 0 0-1.4-3.6A8 8 0 0 1 18.9 8zM12 4a14 14 0 0 1 1.9 4h-3.8A14 14 0 0 1 12 4zM4.3 14a8.2 8.2 0 0 1 0-4h3.4a16.5 16.5 0 0 0 0 4zm.8 2h3a15.7 15.7 0 0 0 1.4 3.6A8 8 0 0 1 5.1 16zm3-8h-3a8 8 0 0 1 4.4-3.6A15.7 15.7 0 0 0 8.1 8zM12 20a14 14 0 0 1-1.9-4h3.8A14 14 0 0 1 12 20zm2.3-6H9.7a14.7 14.7 0 0 1 0-4h4.6a14.7 14.7 0 0 1 0 4zm.3 5.6a15.7 15.7 0 0 0 1.4-3.6h3a8 8 0 0 1-4.4 3.6zm1.7-5.6a16.5 16.5 0 0 0 0-4h3.4a8.2 8.2 0 0 1 0 4z',
  sensitive:
    'M12 5c5 0 9 4 10.5 7-1.5 3-5.5 7-10.5 7S3 15 1.5 12C3 9 7 5 12 5zm0 3a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM3 3l18 18-1.4 1.4L1.6 4.4z',
  paper: 'M6 2h8l6 6v14H6zm7 1.5V9h5.5zM8 12h8v2H8zm0 4h8v2H8z',
  clinician:
    'M12 2a4 4 0 1 1 0 8 4 4 0 0 1 0-8zm-6 20v-5c0-2.8 2.7-5 6-5s6 2.2 6 5v5zm5-7v2H9v2h2v2h2v-2h2v-2h-2v-2z',
  patient: 'M12 2a5 5 0 1 1 0 10 5 5 0 0 1 0-10zm0 12c5 0 9 2.5 9 6v2H3v-2c0-3.5 4-6 9-6z',
  printer: 'M6 2h12v5H6zm-3 6h18v9h-3v5H6v-5H3zm5 7v5h8v-5z',
  speaker:
    'M3 9h4l5-4v14l-5-4H3zm13.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z',
  camera:
    'M9 3h6l1.8 2H21v15H3V5h4.2zm3 5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9zm0 2a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z',
  upload: 'M11 16V7.8L7.4 11.4 6 10l6-6 6 6-1.4 1.4L13 7.8V16zM4 18h16v2H4z',
  forward: 'M8.6 4.6 16 12l-7.4 7.4 1.4 1.4 8.8-8.8L10 3.2z',
  zoomIn:
    'M10 3a7 7 0 0 1 5.6 11.2l5.6 5.6-1.4 1.4-5.6-5.6A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10zm-1 2h2v2h2v2h-2v2H9v-2H7V9h2z',
  zoomOut:
    'M10 3a7 7 0 0 1 5.6 11.2l5.6 5.6-1.4 1.4-5.6-5.6A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10zM7 9h6v2H7z',
  bell: 'M12 2a2 2 0 0 1 2 2v.3A7 7 0 0 1 19 11v5l2 2v1H3v-1l2-2v-5a7 7 0 0 1 5-6.7V4a2 2 0 0 1 2-2zm-2 18h4a2 2 0 0 1-4 0z',
  home: 'M12 3 2 12h3v9h5v-6h4v6h5v-9h3z',
  idCard: 'M2 5h20v14H2zm2 2v10h16V7zm2 2h5v6H6zm7 1h5v2h-5zm0 3h4v2h-4z',
  scale: 'M11 3h2v2h7v2h-7v12h4v2H7v-2h4V7H4V5h7zM6 8l-3 6h6zm12 0-3 6h6z',
  close:
    'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z',
} as const;

export type IconName = keyof typeof PATHS;

const DIRECTIONAL: ReadonlySet<IconName> = new Set(['back', 'forward']);

export function Icon({ name, className }: { name: IconName; className?: string }) {
  const classes = ['icon', DIRECTIONAL.has(name) ? 'icon-directional' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <svg className={classes} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
