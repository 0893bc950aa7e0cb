/** The formatting toolbar's icons (LineIcon). */
import { LineIcon } from '../../ui/LineIcon';

export const BulletListIcon = () => (
  <LineIcon>
    <circle cx="2.5" cy="4" r="1" fill="currentColor" stroke="none" />
    <circle cx="2.5" cy="8" r="1" fill="currentColor" stroke="none" />
    <circle cx="2.5" cy="12" r="1" fill="currentColor" stroke="none" />
    <path d="M6 4h8M6 8h8M6 12h8" />
  </LineIcon>
);

export const NumberedListIcon = () => (
  <LineIcon>
    <path d="M1.5 2.5l1-.5v4M1.5 9.5c.3-.7 2-.8 2 .2 0 .8-2 1.6-2 2.8h2" strokeWidth="1.1" />
    <path d="M6 4h8M6 8h8M6 12h8" />
  </LineIcon>
);

export const QuoteIcon = () => (
  <LineIcon>
    <path d="M3 3v10M6.5 5.5h7M6.5 8h7M6.5 10.5h5" />
  </LineIcon>
);

export const UndoIcon = () => (
  <LineIcon>
    <path d="M5.5 3L2.5 6l3 3" />
    <path d="M2.5 6h7a4 4 0 010 8H7" />
  </LineIcon>
);

export const RedoIcon = () => (
  <LineIcon>
    <path d="M10.5 3l3 3-3 3" />
    <path d="M13.5 6h-7a4 4 0 000 8H9" />
  </LineIcon>
);

export const CheckListIcon = () => (
  <LineIcon>
    <rect x="1.5" y="2.5" width="4" height="4" rx="0.5" />
    <path d="M2.3 11.5l1.2 1.2 2-2.5" />
    <path d="M8 4.5h6M8 11.5h6" />
  </LineIcon>
);

export const CodeBlockIcon = () => (
  <LineIcon>
    <path d="M5 4L1.5 8 5 12M11 4l3.5 4-3.5 4" />
  </LineIcon>
);

export const RuleIcon = () => (
  <LineIcon>
    <path d="M1.5 8h13" />
  </LineIcon>
);

export const LinkIcon = () => (
  <LineIcon>
    <path d="M6.5 9.5a2.5 2.5 0 003.5 0l2.5-2.5a2.5 2.5 0 00-3.5-3.5L8 4.5" />
    <path d="M9.5 6.5a2.5 2.5 0 00-3.5 0L3.5 9a2.5 2.5 0 003.5 3.5l1-1" />
  </LineIcon>
);
