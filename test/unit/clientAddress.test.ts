import { describe, expect, it } from 'vitest'
import { clientAddress } from '../../server/relay/clientAddress'

const PROXIES = new Set(['127.0.0.1', '10.0.0.2'])

describe('clientAddress', () => {
	it('is the socket peer when no proxy is trusted, whatever the header says', () => {
		expect(clientAddress('203.0.113.7', '198.51.100.1', new Set())).toBe('203.0.113.7')
		expect(clientAddress('203.0.113.7', undefined, PROXIES)).toBe('203.0.113.7')
	})

	it('ignores the header from a peer that is not a trusted proxy', () => {
		expect(clientAddress('203.0.113.7', '198.51.100.1', PROXIES)).toBe('203.0.113.7')
	})

	it('reads the client from the header when the peer is a trusted proxy', () => {
		expect(clientAddress('127.0.0.1', '198.51.100.1', PROXIES)).toBe('198.51.100.1')
	})

	it('takes the right-most untrusted hop: entries left of it may be made up by the client', () => {
		expect(clientAddress('127.0.0.1', '6.6.6.6, 198.51.100.1, 10.0.0.2', PROXIES)).toBe('198.51.100.1')
		expect(clientAddress('127.0.0.1', ['6.6.6.6', '198.51.100.1'], PROXIES)).toBe('198.51.100.1')
	})

	it('treats IPv4-mapped IPv6 addresses as their IPv4 address', () => {
		expect(clientAddress('::ffff:127.0.0.1', '::ffff:198.51.100.1', PROXIES)).toBe('198.51.100.1')
		expect(clientAddress('::ffff:203.0.113.7', undefined, new Set())).toBe('203.0.113.7')
	})

	it('falls back sensibly when the header is empty or names only proxies', () => {
		expect(clientAddress('127.0.0.1', '', PROXIES)).toBe('127.0.0.1')
		expect(clientAddress('127.0.0.1', ' , ', PROXIES)).toBe('127.0.0.1')
		expect(clientAddress('127.0.0.1', '10.0.0.2', PROXIES)).toBe('10.0.0.2')
	})
})
