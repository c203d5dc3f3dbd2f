import net from 'node:net';
import os from 'node:os';

/** `::ffff:127.0.0.1` → `127.0.0.1`: IPv4 peers of a dual-stack socket. */
export function unmapped(address: string): string {
  return address.toLowerCase().startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
}

/** 127.0.0.0/8 and ::1 (also IPv4-mapped). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = unmapped(address);
  if (net.isIPv4(plain)) return plain.startsWith('127.');
  return net.isIPv6(plain) && canonicalIPv6(plain) === '::1';
}

/** The compressed, lower-case form of an IPv6 address (`0:0:0:0:0:0:0:1` → `::1`). */
export function canonicalIPv6(address: string): string {
  return new URL(`http://[${address}]/`).hostname.slice(1, -1);
}

/** An address that binds every interface. */
export function isWildcardAddress(host: string): boolean {
  return host === '0.0.0.0' || host === '' || (net.isIPv6(host) && canonicalIPv6(host) === '::');
}

/** Loopback names and addresses: what a bind to them keeps on this machine. */
export function isLoopbackName(name: string): boolean {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return lower === 'localhost' || lower.endsWith('.localhost') || isLoopbackAddress(lower.replace(/^\[|\]$/g, ''));
}

/** `[::1]` for URLs, plain otherwise. */
export function urlHost(address: string): string {
  return net.isIPv6(address) ? `[${address}]` : address;
}

export interface LanAddress {
  name: string;
  address: string;
  family: 'IPv4' | 'IPv6';
}

/** This machine's non-loopback addresses, IPv4 first: the ones a phone on the LAN can use. */
export function lanAddresses(interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces()): LanAddress[] {
  const found: LanAddress[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.internal || isLoopbackAddress(info.address)) continue;
      // Link-local IPv6 needs a zone id in URLs; no phone setup uses it.
      if (info.family === 'IPv6' && info.address.toLowerCase().startsWith('fe80:')) continue;
      found.push({ name, address: info.address, family: info.family });
    }
  }
  return found.sort((a, b) => (a.family === b.family ? 0 : a.family === 'IPv4' ? -1 : 1));
}
