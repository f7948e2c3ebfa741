/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Your giosg company id; unset: the offline stand-in. */
  readonly VITE_GIOSG_COMPANY_ID?: string;
}
