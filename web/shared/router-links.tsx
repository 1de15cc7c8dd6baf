import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
} from "@mantine/core";
import { createLink } from "@tanstack/react-router";
import type { AnchorHTMLAttributes, Ref } from "react";

/** Mantine props plus the anchor attributes the router sets (href, onClick, data-status…). */
type AsAnchor<P> = P &
  Omit<AnchorHTMLAttributes<HTMLAnchorElement>, keyof P> & { ref?: Ref<HTMLAnchorElement> };

/** Mantine components that navigate with the router (typed `to`, `params`, `search`). */
export const AnchorLink = createLink((props: AsAnchor<AnchorProps>) => <Anchor component="a" {...props} />);
export const ButtonLink = createLink((props: AsAnchor<ButtonProps>) => <Button component="a" {...props} />);
export const NavLinkLink = createLink((props: AsAnchor<NavLinkProps>) => (
  <NavLink component="a" {...props} />
));
