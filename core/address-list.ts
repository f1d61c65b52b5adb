import { BlockList, isIP } from 'node:net';

/**
 * A list of peer addresses and networks (`10.0.0.5`, `10.0.0.0/24`, `::1`, `fd00::/8`) that a
 * connection's address is checked against, IPv4-mapped IPv6 addresses (`::ffff:10.0.0.5`)
 * counting as their IPv4 address: how a socket reports an IPv4 peer on a dual-stack server.
 */
export class AddressList {
  private readonly list = new BlockList();

  constructor(readonly entries: readonly string[]) {
    for (const entry of entries) {
      const parsed = parseEntry(entry);
      if (!parsed) throw new Error(`not an IP address or network: ${entry}`);
      if (parsed.prefix === undefined) this.list.addAddress(parsed.address, parsed.family);
      else this.list.addSubnet(parsed.address, parsed.prefix, parsed.family);
    }
  }

  has(address: string | undefined): boolean {
    if (!address) return false;
    const mapped = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
    const family = isIP(mapped);
    return family !== 0 && this.list.check(mapped, family === 4 ? 'ipv4' : 'ipv6');
  }
}

/** An entry as an address, family and optional prefix length; undefined when it is neither an address nor a network. */
export function parseEntry(entry: string): { address: string; family: 'ipv4' | 'ipv6'; prefix?: number } | undefined {
  const slash = entry.indexOf('/');
  const address = slash < 0 ? entry : entry.slice(0, slash);
  const version = isIP(address);
  if (version === 0) return undefined;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  if (slash < 0) return { address, family };
  const text = entry.slice(slash + 1);
  const prefix = Number(text);
  const max = version === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(text) || prefix > max) return undefined;
  return { address, family, prefix };
}
