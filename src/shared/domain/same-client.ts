/** A name compared for duplicates: no case, accents or extra spaces ("MÜLLER,  Jürgen" ≈ "muller, jurgen"). */
export function comparableName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

type KnownClient = { readonly fullName: string; readonly dateOfBirth: string | null };

/**
 * The clients already here who may be the person being typed in: the same name, and the same date
 * of birth where both are known (two people can share a name; one person has one birthday). An
 * empty name matches no one.
 */
export function clientsWithSameName<Client extends KnownClient>(
  clients: readonly Client[],
  fullName: string,
  dateOfBirth: string | null,
): Client[] {
  const name = comparableName(fullName);
  if (name === '') return [];
  return clients.filter(
    (client) =>
      comparableName(client.fullName) === name &&
      (!dateOfBirth || !client.dateOfBirth || client.dateOfBirth === dateOfBirth),
  );
}
