import type { ButtonHTMLAttributes, ReactNode } from 'react';
import type { IconName } from './Icon.tsx';
import { Icon } from './Icon.tsx';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  icon?: IconName;
  variant?: Variant;
  children: ReactNode;
}

/** A large touch target (at least 48 px) with an icon beside its word. */
export function Button({
  icon,
  variant = 'primary',
  children,
  className,
  type,
  ...rest
}: ButtonProps) {
  return (
    <button type={type ?? 'button'} className={`btn btn-${variant} ${className ?? ''}`} {...rest}>
      {icon && <Icon name={icon} />}
      <span>{children}</span>
    </button>
  );
}
