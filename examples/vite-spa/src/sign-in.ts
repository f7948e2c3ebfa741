/** What your app's own login returns about the user (from your auth provider, or your `/api/me`). */
export interface Profile {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly plan: string;
}

/** Stands in for your login flow. */
export async function signIn(): Promise<Profile> {
  return { id: 'c-1001', name: 'Ada Lovelace', email: 'ada@example.com', plan: 'pro' };
}
