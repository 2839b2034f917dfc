/** A Designsystemet link that navigates inside the app (react-router) instead of reloading the page. */
import { Link } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Link as RouterLink, type LinkProps as RouterLinkProps } from 'react-router-dom';

export type AppLinkProps = RouterLinkProps & {
  readonly children: ReactNode;
  readonly 'data-color'?: 'neutral' | 'accent';
};

export function AppLink({ children, 'data-color': color, ...props }: AppLinkProps) {
  return (
    <Link asChild data-color={color}>
      <RouterLink {...props}>{children}</RouterLink>
    </Link>
  );
}
